"""Actor phrases written by the Herald authors, with the country and sector an analyst would code.

Each line: phrase | country | sector ("-" = no sector expected, "*" = sector not checked).
The phrase is put in the subject position of "<phrase> said on Monday that talks would continue.", in an article
published on 2024-06-03 (dates matter for a few actors: the Taliban are the government of Afghanistan since 2021).
"""
PHRASES = """
Kazakhstan | KAZ | GOV
Belgium | BEL | GOV
the United States | USA | GOV
the U.S. | USA | GOV
America | USA | GOV
Britain | GBR | GOV
the United Kingdom | GBR | GOV
the UK | GBR | GOV
Great Britain | GBR | GOV
Russia | RUS | GOV
the Russian Federation | RUS | GOV
China | CHN | GOV
South Korea | KOR | GOV
North Korea | PRK | GOV
Ivory Coast | CIV | GOV
Côte d'Ivoire | CIV | GOV
Myanmar | MMR | GOV
Burma | MMR | GOV
the Netherlands | NLD | GOV
Holland | NLD | GOV
Iran | IRN | GOV
Syria | SYR | GOV
Vietnam | VNM | GOV
Laos | LAO | GOV
Bolivia | BOL | GOV
Venezuela | VEN | GOV
Tanzania | TZA | GOV
Moldova | MDA | GOV
Turkey | TUR | GOV
Türkiye | TUR | GOV
the Czech Republic | CZE | GOV
Czechia | CZE | GOV
the Democratic Republic of Congo | COD | GOV
the Philippines | PHL | GOV
East Timor | TLS | GOV
Eswatini | SWZ | GOV
North Macedonia | MKD | GOV
Kosovo | XKX | GOV
Palestine | PSE | GOV
Taiwan | TWN | GOV
Saudi Arabia | SAU | GOV
the United Arab Emirates | ARE | GOV
the UAE | ARE | GOV
Cape Verde | CPV | GOV
Bosnia | BIH | GOV
Sri Lanka | LKA | GOV
New Zealand | NZL | GOV
Ukraine | UKR | GOV
Azerbaijan | AZE | GOV
Kyrgyzstan | KGZ | GOV
Tajikistan | TJK | GOV
Uzbekistan | UZB | GOV
Turkmenistan | TKM | GOV
Mongolia | MNG | GOV
Afghanistan | AFG | GOV
Iraq | IRQ | GOV
Somalia | SOM | GOV
Nigeria | NGA | GOV
Ethiopia | ETH | GOV
South Sudan | SSD | GOV
Astana | KAZ | GOV
Washington | USA | GOV
the Kremlin | RUS | GOV
Moscow | RUS | GOV
Beijing | CHN | GOV
Downing Street | GBR | GOV
the White House | USA | GOV
the Pentagon | USA | MIL
Tehran | IRN | GOV
Ankara | TUR | GOV
Kyiv | UKR | GOV
Kiev | UKR | GOV
Paris | FRA | GOV
Berlin | DEU | GOV
Tokyo | JPN | GOV
Seoul | KOR | GOV
Pyongyang | PRK | GOV
Baghdad | IRQ | GOV
Damascus | SYR | GOV
Cairo | EGY | GOV
Riyadh | SAU | GOV
Islamabad | PAK | GOV
New Delhi | IND | GOV
Canberra | AUS | GOV
Ottawa | CAN | GOV
Brasilia | BRA | GOV
Bishkek | KGZ | GOV
Tashkent | UZB | GOV
the Elysee | FRA | GOV
Capitol Hill | USA | LEG
the Kazakh government | KAZ | GOV
the Belgian government | BEL | GOV
Kazakh diplomats | KAZ | GOV
Belgian lawmakers | BEL | LEG
the Flemish government | BEL | GOV
U.S. officials | USA | GOV
American troops | USA | MIL
Ivorian soldiers | CIV | MIL
Iraqi special forces | IRQ | MIL
Somali forces | SOM | MIL
the Kazakh MFA | KAZ | GOV
the Belgian Senate | BEL | LEG
the Majilis of Kazakhstan | KAZ | LEG
the Senate of Belgium | BEL | LEG
Russian warplanes | RUS | MIL
Israeli police | ISR | COP
Egyptian riot police | EGY | COP
Turkish authorities | TUR | GOV
the Iranian foreign ministry | IRN | GOV
Pakistan's army | PAK | MIL
Iraq's parliament | IRQ | LEG
France's highest court | FRA | JUD
the Supreme Court of India | IND | JUD
a Chinese court | CHN | JUD
Chinese companies | CHN | BUS
Belgian entrepreneurs | BEL | BUS
German investors | DEU | BUS
Kenyan journalists | KEN | JRN
Colombian rebels | COL | REB
Afghan militants | AFG | REB
Sudanese protesters | SDN | CVL
Lebanese civilians | LBN | CVL
Palestinian residents | PSE | CVL
Syrian refugees | SYR | REF
Nigerian students | NGA | EDU
Polish farmers | POL | AGR
Mexican drug traffickers | MEX | CRM
Greek doctors | GRC | MED
Italian trade unions | ITA | LAB
Brazilian opposition leaders | BRA | OPP
the Ukrainian opposition | UKR | OPP
Spanish police | ESP | COP
British intelligence | GBR | SPY
the Russian navy | RUS | MIL
Japanese lawmakers | JPN | LEG
the Indian cabinet | IND | GOV
Thai military | THA | MIL
Belgians | BEL | CVL
Kazakhs | KAZ | CVL
Palestinians | PSE | CVL
Israelis | ISR | CVL
Afghans | AFG | CVL
Iraqi Kurds | IRQ | CVL
the United Nations | UNO | *
the UN | UNO | *
the U.N. Security Council | UNO | GOV
UNICEF | UNO | *
UNHCR | UNO | REF
the UN refugee agency | UNO | REF
the World Health Organization | UNO | MED
the World Food Programme | UNO | *
UNAMA | UNO | *
the IAEA | UNO | *
UN peacekeepers | UNO | MIL
the European Union | EUR | GOV
the EU | EUR | GOV
the European Commission | EUR | GOV
the European Parliament | EUR | LEG
the European Central Bank | EUR | BUS
NATO | IGO | MIL
the OSCE | IGO | *
ECOWAS | IGO | *
the African Union | IGO | *
ASEAN | IGO | *
the Shanghai Cooperation Organization | IGO | *
the CSTO | IGO | MIL
the Eurasian Economic Union | IGO | BUS
the IMF | IGO | BUS
the World Bank | IGO | BUS
the Arab League | IGO | *
the Gulf Cooperation Council | IGO | *
Interpol | IGO | COP
the International Criminal Court | IGO | JUD
Amnesty International | NGO | *
Human Rights Watch | NGO | *
the Red Cross | NGO | MED
Doctors Without Borders | NGO | MED
a human rights group | NGO | -
Islamic State | IMG | REB
ISIS | IMG | REB
the Islamic State group | IMG | REB
al-Qaida | IMG | REB
al-Shabab | SOM | REB
Boko Haram | NGA | REB
the Taliban | AFG | GOV
Hamas | PSE | REB
Hezbollah | LBN | REB
the PKK | TUR | REB
the Houthis | YEM | REB
the Democratic Party | USA | PTY
the ANC | ZAF | PTY
the Knesset | ISR | LEG
the Bundestag | DEU | LEG
the State Duma | RUS | LEG
the FSB | RUS | SPY
the CIA | USA | SPY
the FBI | USA | COP
Mossad | ISR | SPY
the IDF | ISR | MIL
Iraqi Prime Minister Mohammed Shia al-Sudani | IRQ | GOV
Kazakh President Kassym-Jomart Tokayev | KAZ | GOV
Belgian Foreign Minister Sophie Wilmes | BEL | GOV
Russian Foreign Minister Sergei Lavrov | RUS | GOV
U.S. Secretary of State Antony Blinken | USA | GOV
British Prime Minister Boris Johnson | GBR | GOV
French President Emmanuel Macron | FRA | GOV
German Chancellor Olaf Scholz | DEU | GOV
Turkish Defence Minister Hulusi Akar | TUR | GOV
the Speaker of the Belgian Senate | BEL | LEG
the Chairman of the Majilis Nurlan Nigmatulin | KAZ | LEG
the Ambassador of Kazakhstan to Belgium | KAZ | GOV
Ambassador of Kazakhstan to Belgium Margulan Baimukhan | KAZ | GOV
the Belgian ambassador | BEL | GOV
the Iraqi ambassador to Jordan | IRQ | GOV
Egypt's foreign minister | EGY | GOV
Israel's defense minister | ISR | GOV
the Iranian envoy | IRN | GOV
a Pakistani diplomat | PAK | GOV
the Nigerian army chief | NGA | MIL
Ukrainian army commander | UKR | MIL
the Afghan police chief | AFG | COP
a Russian judge | RUS | JUD
the Kenyan chief justice | KEN | JUD
the Syrian interior minister | SYR | GOV
former Iraqi President Saddam Hussein | IRQ | ELI
the UN Secretary-General | UNO | GOV
NATO Secretary General Jens Stoltenberg | IGO | GOV
EU foreign policy chief Josep Borrell | EUR | GOV
the head of the IMF | IGO | BUS
Chinese state media | CHN | JRN
the Kazakh Foreign Ministry | KAZ | GOV
the Ministry of Foreign Affairs of Kazakhstan | KAZ | GOV
the Belgian investment agency | BEL | GOV
the Russian Defence Ministry | RUS | GOV
Saudi-led coalition forces | SAU | MIL
Iranian Revolutionary Guards | IRN | MIL
Ethiopian federal forces | ETH | MIL
Philippine troops | PHL | MIL
Malian soldiers | MLI | MIL
the Sri Lankan navy | LKA | MIL
Venezuelan security forces | VEN | MIL
Bangladeshi garment workers | BGD | LAB
Indonesian fishermen | IDN | AGR
Catholic bishops in Nigeria | NGA | REL
Chinese hackers | CHN | CRM
Rwandan rebels | RWA | REB
Congolese militiamen | COD | REB
Haitian gangs | HTI | CRM
"""


def cases() -> list[tuple[str, str, str]]:
    rows = []
    for line in PHRASES.strip().splitlines():
        phrase, country, sector = (part.strip() for part in line.split("|"))
        rows.append((phrase, country, sector))
    return rows
