/** 领域 named by the 2025 call; officers edit the live list, this seeds it. */
export const fields2025 = [
  { nameZh: "量子与光子科技", nameEn: "Quantum and photonic science" },
  { nameZh: "高端装备", nameEn: "High-end equipment" },
  { nameZh: "高端芯片", nameEn: "High-end chips" },
  { nameZh: "新型能源", nameEn: "New energy" },
  { nameZh: "人工智能", nameEn: "Artificial intelligence" },
  { nameZh: "新材料", nameEn: "New materials" },
  { nameZh: "光电子信息", nameEn: "Optoelectronic information" },
  { nameZh: "新能源与智能网联汽车", nameEn: "New-energy and intelligent connected vehicles" },
  { nameZh: "生物医药", nameEn: "Biomedicine" },
] as const;
