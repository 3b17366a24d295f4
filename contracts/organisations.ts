import { z } from "zod";
import { titleCodes } from "../policy/reference/titles";
import { unitTypeCodes } from "../policy/reference/unit-types";
import { bilingual } from "./bilingual";
import { paged, pageQuery, recordAbilities } from "./common";
import { prefectureFilter, searchText, sortQuery, unitSortKeys } from "./lists";

const divisionCode = z
  .string()
  .regex(/^\d{6}$/, bilingual("行政区划代码应为 6 位数字", "A division code has 6 digits"));
const usccText = z
  .string()
  .trim()
  .toUpperCase()
  .length(18, bilingual("统一社会信用代码应为 18 位", "A unified social credit code has 18 characters"));
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{7,20}$/, bilingual("电话号码格式不正确", "Not a phone number"));

export const recommenderSchema = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  kind: z.enum(["division", "direct", "sub"]),
  divisionCode: z.string().nullable(),
  parentId: z.string().nullable(),
});

export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  usccCheck: z.enum(["valid", "checksum-mismatch"]),
  usccConfirmed: z.boolean(),
  type: z.string(),
  divisionCode: z.string(),
  address: z.string(),
  parentUnitId: z.string().nullable(),
  college: z.string().nullable(),
  directRecommending: z.boolean(),
  recommenderId: z.string(),
  recommenderName: z.string(),
  status: z.enum(["pending", "confirmed", "rejected"]),
  statusReason: z.string().nullable(),
  legalRepresentative: z.string(),
  contactName: z.string(),
  /** Masked: 138****5678. */
  contactPhone: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  abilities: recordAbilities,
});

export const unitListQuery = z.object({
  q: searchText,
  status: z.enum(["pending", "confirmed", "rejected"]).optional(),
  recommenderId: z.string().max(64).optional(),
  /** The unit's 市州 (GB/T 2260 prefecture). */
  division: prefectureFilter.optional(),
  type: z.enum(unitTypeCodes).optional(),
  ...sortQuery(unitSortKeys),
  ...pageQuery,
});

export const unitInput = z.object({
  name: z.string().trim().min(2, bilingual("请填写单位名称", "Enter the unit's name")).max(100),
  uscc: usccText,
  type: z.enum(unitTypeCodes),
  divisionCode,
  address: z.string().trim().max(200).default(""),
  parentUnitId: z.string().nullable().default(null),
  college: z.string().trim().max(100).nullable().default(null),
  directRecommending: z.boolean().default(false),
  recommenderId: z.string().min(1, bilingual("请选择推荐部门", "Choose the recommender")),
  legalRepresentative: z
    .string()
    .trim()
    .min(1, bilingual("请填写法定代表人", "Enter the legal representative"))
    .max(50),
  contactName: z.string().trim().min(1, bilingual("请填写联系人", "Enter a contact")).max(50),
  contactPhone: phone,
});

export const unitUpdate = unitInput.partial().extend({ version: z.number().int().min(1) });

/** Self-registration of a host unit (public): the unit, its administrator account and the authorisation letter. */
export const unitRegistration = unitInput.extend({
  adminUsername: z
    .string()
    .trim()
    .regex(
      /^[a-zA-Z][a-zA-Z0-9_.-]{3,31}$/,
      bilingual(
        "用户名为 4–32 位字母、数字、下划线或点，以字母开头",
        "4–32 letters, digits, _ . -, starting with a letter",
      ),
    ),
  adminDisplayName: z.string().trim().min(1).max(50),
  adminPassword: z.string().min(1).max(256),
  authorisationFileId: z
    .string()
    .min(1, bilingual("请上传加盖公章的授权书", "Upload the stamped authorisation letter")),
});

export const decisionRequest = z.object({
  reason: z.string().trim().max(500).optional(),
});

export const rejectionRequest = z.object({
  reason: z.string().trim().min(1, bilingual("请填写理由", "Give a reason")).max(500),
});

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  employerName: z.string(),
  email: z.string().nullable(),
  /** Masked. */
  phone: z.string().nullable(),
  /** Masked: 420106********1234. */
  idNumber: z.string().nullable(),
  version: z.number().int(),
  abilities: recordAbilities,
});

export const personInput = z.object({
  name: z.string().trim().min(1, bilingual("请填写姓名", "Enter the name")).max(50),
  title: z.enum(titleCodes),
  unitId: z.string().nullable().default(null),
  employerName: z.string().trim().max(100).default(""),
  email: z.string().trim().email(bilingual("邮箱格式不正确", "Not an e-mail address")).nullable().default(null),
  phone: phone.nullable().default(null),
  idNumber: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d{17}[\dX]|[A-Z0-9]{6,20})$/, bilingual("证件号码格式不正确", "Not an identity document number"))
    .nullable()
    .default(null),
});

export const personUpdate = personInput.partial().extend({ version: z.number().int().min(1) });

export const personListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  unitId: z.string().optional(),
  /** Exact lookup by identity number through the blind index (never decrypts). */
  idNumber: z.string().trim().max(20).optional(),
  ...pageQuery,
});

export const unitPage = paged(unitSchema);
export const personPage = paged(personSchema);

export type Unit = z.infer<typeof unitSchema>;
export type Person = z.infer<typeof personSchema>;
export type Recommender = z.infer<typeof recommenderSchema>;
