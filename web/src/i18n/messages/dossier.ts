import { messages } from "../define.ts";

/** 一键档案 (SPEC §6): the download button on an application's and a base's page. */
export const dossierMessages = messages(
  {
    "dossier.download": "下载档案",
    "dossier.hint":
      "打包下载全部文件（PDF 及上传原件）、评审、决定与历程，附清单列明每个文件的 SM3 摘要和验证码，可用于归档和核验。",
  },
  {
    "dossier.download": "Download dossier",
    "dossier.hint":
      "Downloads every file (PDFs and the uploaded originals), the reviews, decisions and history as a zip, with a list of each file's SM3 digest and verification code for filing and checking.",
  },
);
