/** Hubei's 17 prefecture-level divisions (GB/T 2260); each S&T bureau is a recommending department (Art. 17). */
export const hubeiDivisions = [
  { code: "420100", nameZh: "武汉市", nameEn: "Wuhan" },
  { code: "420200", nameZh: "黄石市", nameEn: "Huangshi" },
  { code: "420300", nameZh: "十堰市", nameEn: "Shiyan" },
  { code: "420500", nameZh: "宜昌市", nameEn: "Yichang" },
  { code: "420600", nameZh: "襄阳市", nameEn: "Xiangyang" },
  { code: "420700", nameZh: "鄂州市", nameEn: "Ezhou" },
  { code: "420800", nameZh: "荆门市", nameEn: "Jingmen" },
  { code: "420900", nameZh: "孝感市", nameEn: "Xiaogan" },
  { code: "421000", nameZh: "荆州市", nameEn: "Jingzhou" },
  { code: "421100", nameZh: "黄冈市", nameEn: "Huanggang" },
  { code: "421200", nameZh: "咸宁市", nameEn: "Xianning" },
  { code: "421300", nameZh: "随州市", nameEn: "Suizhou" },
  { code: "422800", nameZh: "恩施土家族苗族自治州", nameEn: "Enshi Tujia and Miao Autonomous Prefecture" },
  { code: "429004", nameZh: "仙桃市", nameEn: "Xiantao" },
  { code: "429005", nameZh: "潜江市", nameEn: "Qianjiang" },
  { code: "429006", nameZh: "天门市", nameEn: "Tianmen" },
  { code: "429021", nameZh: "神农架林区", nameEn: "Shennongjia Forestry District" },
] as const;

/**
 * Hubei's county-level divisions under the prefectures above (GB/T 2260; 421071 and 421171 are the statistical codes
 * of 荆州经济技术开发区 and 龙感湖管理区, which units use as registration divisions). The four directly administered
 * cities and 神农架 (4290xx) are county-level already and listed above. A unit's division is one of either list.
 */
export const hubeiCountyDivisions = [
  { code: "420102", nameZh: "江岸区" },
  { code: "420103", nameZh: "江汉区" },
  { code: "420104", nameZh: "硚口区" },
  { code: "420105", nameZh: "汉阳区" },
  { code: "420106", nameZh: "武昌区" },
  { code: "420107", nameZh: "青山区" },
  { code: "420111", nameZh: "洪山区" },
  { code: "420112", nameZh: "东西湖区" },
  { code: "420113", nameZh: "汉南区" },
  { code: "420114", nameZh: "蔡甸区" },
  { code: "420115", nameZh: "江夏区" },
  { code: "420116", nameZh: "黄陂区" },
  { code: "420117", nameZh: "新洲区" },
  { code: "420202", nameZh: "黄石港区" },
  { code: "420203", nameZh: "西塞山区" },
  { code: "420204", nameZh: "下陆区" },
  { code: "420205", nameZh: "铁山区" },
  { code: "420222", nameZh: "阳新县" },
  { code: "420281", nameZh: "大冶市" },
  { code: "420302", nameZh: "茅箭区" },
  { code: "420303", nameZh: "张湾区" },
  { code: "420304", nameZh: "郧阳区" },
  { code: "420322", nameZh: "郧西县" },
  { code: "420323", nameZh: "竹山县" },
  { code: "420324", nameZh: "竹溪县" },
  { code: "420325", nameZh: "房县" },
  { code: "420381", nameZh: "丹江口市" },
  { code: "420502", nameZh: "西陵区" },
  { code: "420503", nameZh: "伍家岗区" },
  { code: "420504", nameZh: "点军区" },
  { code: "420505", nameZh: "猇亭区" },
  { code: "420506", nameZh: "夷陵区" },
  { code: "420525", nameZh: "远安县" },
  { code: "420526", nameZh: "兴山县" },
  { code: "420527", nameZh: "秭归县" },
  { code: "420528", nameZh: "长阳土家族自治县" },
  { code: "420529", nameZh: "五峰土家族自治县" },
  { code: "420581", nameZh: "宜都市" },
  { code: "420582", nameZh: "当阳市" },
  { code: "420583", nameZh: "枝江市" },
  { code: "420602", nameZh: "襄城区" },
  { code: "420606", nameZh: "樊城区" },
  { code: "420607", nameZh: "襄州区" },
  { code: "420624", nameZh: "南漳县" },
  { code: "420625", nameZh: "谷城县" },
  { code: "420626", nameZh: "保康县" },
  { code: "420682", nameZh: "老河口市" },
  { code: "420683", nameZh: "枣阳市" },
  { code: "420684", nameZh: "宜城市" },
  { code: "420702", nameZh: "梁子湖区" },
  { code: "420703", nameZh: "华容区" },
  { code: "420704", nameZh: "鄂城区" },
  { code: "420802", nameZh: "东宝区" },
  { code: "420804", nameZh: "掇刀区" },
  { code: "420822", nameZh: "沙洋县" },
  { code: "420881", nameZh: "钟祥市" },
  { code: "420882", nameZh: "京山市" },
  { code: "420902", nameZh: "孝南区" },
  { code: "420921", nameZh: "孝昌县" },
  { code: "420922", nameZh: "大悟县" },
  { code: "420923", nameZh: "云梦县" },
  { code: "420981", nameZh: "应城市" },
  { code: "420982", nameZh: "安陆市" },
  { code: "420984", nameZh: "汉川市" },
  { code: "421002", nameZh: "沙市区" },
  { code: "421003", nameZh: "荆州区" },
  { code: "421022", nameZh: "公安县" },
  { code: "421024", nameZh: "江陵县" },
  { code: "421071", nameZh: "荆州经济技术开发区" },
  { code: "421081", nameZh: "石首市" },
  { code: "421083", nameZh: "洪湖市" },
  { code: "421087", nameZh: "松滋市" },
  { code: "421088", nameZh: "监利市" },
  { code: "421102", nameZh: "黄州区" },
  { code: "421121", nameZh: "团风县" },
  { code: "421122", nameZh: "红安县" },
  { code: "421123", nameZh: "罗田县" },
  { code: "421124", nameZh: "英山县" },
  { code: "421125", nameZh: "浠水县" },
  { code: "421126", nameZh: "蕲春县" },
  { code: "421127", nameZh: "黄梅县" },
  { code: "421171", nameZh: "龙感湖管理区" },
  { code: "421181", nameZh: "麻城市" },
  { code: "421182", nameZh: "武穴市" },
  { code: "421202", nameZh: "咸安区" },
  { code: "421221", nameZh: "嘉鱼县" },
  { code: "421222", nameZh: "通城县" },
  { code: "421223", nameZh: "崇阳县" },
  { code: "421224", nameZh: "通山县" },
  { code: "421281", nameZh: "赤壁市" },
  { code: "421303", nameZh: "曾都区" },
  { code: "421321", nameZh: "随县" },
  { code: "421381", nameZh: "广水市" },
  { code: "422801", nameZh: "恩施市" },
  { code: "422802", nameZh: "利川市" },
  { code: "422822", nameZh: "建始县" },
  { code: "422823", nameZh: "巴东县" },
  { code: "422825", nameZh: "宣恩县" },
  { code: "422826", nameZh: "咸丰县" },
  { code: "422827", nameZh: "来凤县" },
  { code: "422828", nameZh: "鹤峰县" },
] as const;

const knownDivisionCodes: ReadonlySet<string> = new Set([
  ...hubeiDivisions.map((division) => division.code),
  ...hubeiCountyDivisions.map((division) => division.code),
]);

/** Whether a code is a Hubei division the platform knows (prefecture or county level); 420599 and 110101 are not. */
export function isKnownDivisionCode(code: string): boolean {
  return knownDivisionCodes.has(code);
}

export type HubeiDivision = (typeof hubeiDivisions)[number];

/** Art. 7.1: registered in Hubei is judged by the registration address's division code (42xxxx). */
export function isHubeiDivisionCode(code: string): boolean {
  return /^42\d{4}$/.test(code);
}

/** The prefecture a county-level code belongs to (420106 武昌区 → 420100 武汉市); direct-administered cities keep theirs. */
export function prefectureOf(code: string): HubeiDivision | undefined {
  const exact = hubeiDivisions.find((division) => division.code === code);
  if (exact) return exact;
  return hubeiDivisions.find(
    (division) => !division.code.startsWith("429") && division.code.slice(0, 4) === code.slice(0, 4),
  );
}
