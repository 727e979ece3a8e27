// Package compensation computes what a municipality pays kontaktfamiljer and kontaktpersoner, exactly to the öre
// and line by line, following the yearly recommendations of Sveriges Kommuner och Regioner (SKR, before 2020 SKL).
//
// A kontaktfamilj (SoL; stödfamilj under LSS 9 § 6) takes a client home, usually for weekends; a kontaktperson
// meets the client regularly. Both are paid Arvode, for the work, and Omkostnad (omkostnadsersättning), for their
// costs. SKR states each figure in kronor and as a percentage of the year's Prisbasbelopp (pbb, fixed by the
// government); the kronor figures are embedded as published (data/skr.json) and never recomputed.
//
// Kontaktfamilj amounts are per dygn (24 hours). SKR: "Om vistelsen är fredag till söndag räknas det som 2 ½
// dygn", so a stay is counted in Halvdygn (half dygn): the arrival day is half, every other day whole. Arvode is
// doubled "på lördagar, söndagar och helgdagar" – helgdagar as in Lag (1989:253): every Sunday and the named days,
// not midsommarafton, julafton or nyårsafton – and, for a continuous stay of more than 14 days, only within the
// first 14 days. Age bands are "0-12", "13+" and "vuxna" (an adult insats, from the decision); by default each
// day takes the child's age that day. Omkostnad has a base level (Grundkostnad) and an upper one (Tilläggskostnad
// inkl grundkostnad); arvode a base level and two raised examples. Kontaktperson arvode is a monthly range per
// category of contact, omkostnad one of three monthly levels; a särskilt kvalificerad kontaktperson has no SKR
// level at all.
//
// Arvode is taxable pay on which the municipality pays employer contributions (arbetsgivaravgifter: 31,42 %,
// 10,21 % for the old, reduced rates for some young, none below 1 000 kr a year). Omkostnad is tax-free for the
// payer up to SKR's highest level; any part above it is taxable. The former 130 kr monthly omkostnad supplement was
// removed from 2020 (SKR: Skatteverket treats it as taxable), so no rule here adds it.
//
// SKR's tables sit in circular PDFs that are mostly not public. Embedded are only the figures read in a source,
// each with its circular, source and status: kontaktfamilj SoL 2023 (circular 22:42) complete, LSS 2023 omkostnad
// (22:43), SoL 2021 0–12 år omkostnad, SKL's 2018 kontaktperson tables, and the pbb 2018–2026. Every other cell
// of 2018–2027 is marked not sourced, and pricing it returns ErrNoTable rather than a guess. A municipality
// supplies its own figures for any year in Policy.Tables (how a 2025 weekend is paid), and Policy switches the
// open points of SKR's rules; the zero Policy is SKR's recommendation. DeriveOmkostnad opts in to omkostnad
// computed from the pbb, clearly marked Derived.
//
// Money is Ore (int64 öre); Ore.MulDiv, half away from zero, is the one rounding, done once per line. Build a
// Calculator with New, then price with PriceStay, PriceMonth and Statement, whose JSON and CSV go to payroll.
// Equal inputs give equal output. Nothing panics on any input: errors wrap ErrInvalidInput (a *FieldError naming
// the record's ID and field, never personal data), ErrNoTable (a *TableError) or ErrOverflow.
package compensation
