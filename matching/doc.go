// Package matching proposes volunteers for the clients of a municipality's social services: a kontaktperson
// (an adult who meets a child, young person or adult regularly, a few hours a week), a kontaktfamilj (a family
// that hosts a child a weekend or two a month, to give the child an extra adult world and the parents respite)
// or a särskilt kvalificerad kontaktperson, SKKP (a qualified kontaktperson for a young person under 21 at risk of
// crime or substance abuse; SoL only). Propose reads a Pool as of a date, checks hard rules, scores every
// eligible pair with an explainable fit score, and chooses pairs for the whole pool with package matching/assign.
// The engine proposes; a social worker decides, and the volunteer may decline after seeing a de-identified
// Summary (age band, kinds of needs, general area, frequency; never a name, birth date, address or ID).
//
// # Model
//
// A Client has a granted Support under a Law, a birth date (ages are taken on Pool.AsOf), needs from the closed
// vocabulary Need (leisure, schoolwork, isolation, social_network, routines, role_model, negative_development,
// substance_risk, crime_risk, family_respite, disability, npf, mental_health, integration), interests, dislikes,
// languages, a home, weekly windows (kontaktperson) or possible weekends (kontaktfamilj), a Frequency,
// Expectations of the volunteer (each required or preferred), a sibling group, a Priority and a waiting date.
// A Volunteer has what it offers, an Approval record, Experience from a closed vocabulary, a home and travel
// limit, weekly windows and weekends, a Capacity, a Household, what it Accepts (ages: hard; needs: soft) and its
// running Assignments, which take capacity, weekly time and weekends. A sibling group is one row of the
// assignment and goes to one kontaktfamilj or stays unmatched together; a volunteer with k places left is k
// columns. Locked pairs (already agreed) are kept and take capacity; forbidden pairs (declined) are never
// proposed.
//
// # Hard rules
//
// A pair is eligible or comes back with every Reason it is not: excluded by the client or forbidden; the
// volunteer does not offer the support; no approval decision, a decision older than
// Options.ApprovalValidityMonths (default 24: the law sets no period, municipalities set their own, and two years
// is Kontakt's judgment), or a missing register check, social-services check, interview or references; no home
// visit for a kontaktfamilj; not qualified for SKKP; beyond the smallest travel limit (the volunteer's, the
// client's, Options.MaxDistanceKm); no time (a kontaktperson needs, on MeetingsPerWeek different days, a common
// run of MeetingMinutes; a kontaktfamilj needs, of the Options.HorizonWeeks weekends, WeekendsPerMonth × 12 ×
// HorizonWeeks / 52 (rounded up) free for both, with room for all the siblings: 3 of 13 for one a month); no
// capacity left; pets when the client requires none (allergy); another required expectation unmet; the client
// outside the ages the volunteer accepts; a sibling group that the family does not take or has no room for on one
// weekend.
//
// # Fit score
//
// The score is 100 × Σ weight × value / Σ weight over seven parts, each valued 0..1 and explained in Swedish and
// English; Explain and the proposal's pairs read the parts from the same evaluation as the score, and the points
// shown add up to the score shown. Defaults (DefaultWeights, summing to 100) follow what predicts lasting matches:
//
//   - needs 25: the share of the client's needs covered by the volunteer's experience (Need.CoveredBy). Mentors
//     with earlier mentoring experience stay longer (Grossman et al. 2012), mentors from helping professions give
//     larger effects (Raposa et al. 2019, meta-analysis of 70 studies), and the quality of caregiving protects
//     foster placements (Oosterman et al. 2007; Konijn et al. 2019).
//   - time 15: common weekly time (or free weekends) against what is asked, full at twice the need, so a meeting
//     can move. Lack of time is a leading reason mentors end matches early (OJJDP STAR).
//   - distance 15: 1 at home, falling linearly to 0 at the pair's travel limit (30 km without one); the
//     straight-line distance is a proxy for travel. BBBS matches within about 20 minutes' drive; moving away ends
//     matches (STAR).
//   - interests 15: shared interests and shared dislikes, full at three (or when all of the shorter list is
//     shared), compared without regard to case. Shared dislikes predicted longer matches
//     than shared likes (Raposa et al. 2019, "Birds of a feather"); interest similarity is common practice
//     (DuBois et al. 2011), though matching research is rated insufficient (NMRC).
//   - expectations 15: the mean of the client's preferred expectations met, the share of needs the volunteer
//     feels ready for, and the volunteer's intended commitment against the planned length (1 if nothing is
//     stated). Pre-match expectations of length
//     predicted duration (STAR); unfulfilled expectations end matches (Spencer 2007).
//   - age 10: experience with the client's age group (under 13, 13-17, adults) and the volunteer's maturity,
//     rising from 18 to full at 25. Age at match predicts early closure (Kupersmidt et al. 2017; Grossman and
//     Rhodes 2002), and college-age mentors end early more often (Grossman et al. 2012).
//   - language 5: 1 for the client's first language, 0.5 for another shared one (UK National Minimum Standard 15).
//
// Gender and ethnicity are never scored: the evidence is mixed (Rhodes et al. 2002; Eby et al. 2013 found deep
// similarity matters more than surface similarity), and gender counts only as a client's stated expectation.
// Mentoring effects are modest (DuBois et al. 2002) and Swedish registry studies found no average long-term
// effect of the insatser (Vinnerljung, Brännström and Hjern 2011): the weights are judgment informed by evidence,
// configurable, and the engine only proposes.
//
// # Objectives
//
// MostMatched (the default) first matches as many clients as possible (a sibling group counts each child), then
// maximises the total fit weighted by priority and waiting time. The weight multiplies each client's fit by 1, 2
// or 4 (normal, high, urgent priority) and by 1 to 1.5 as the wait grows over a year (1.125 at IVO's three-month
// mark). A factor, not a bonus, because it changes only who gets a scarce volunteer: each client's own ranking of
// volunteers stays the same, a poor fit stays poor, and priority comes before waiting time as in waiting-list
// practice. TotalFit maximises the plain total fit, so a client may stay unmatched if that frees a better pair.
// MaxMin matches as many clients as possible, then maximises the lowest fit among them (a search over the
// distinct scores above the lowest of MostMatched's pairs), then the weighted total. Options.MinScore (on the
// unweighted fit) keeps poor pairs out in all three. The solver is exact; the pairs and the runner-up
// alternatives are deterministic, whatever the order of the input: clients and volunteers are sorted by ID, and
// ID order breaks ties.
//
// # Privacy
//
// Errors and logs hold only opaque IDs, field names and counts; Client and Volunteer log as their ID. The library
// logs only through Options.Logger, at Debug level.
package matching
