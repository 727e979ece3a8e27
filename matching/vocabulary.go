package matching

// Need is one of the central needs named in the client's decision (the utredning's "behov och mål"). The
// vocabulary is closed so that needs can be compared, counted and shown in a de-identified summary; its JSON
// codes are listed with each constant. NeedLabels lists them all with Swedish and English labels.
type Need uint8

// The needs.
const (
	NeedLeisure             Need = iota + 1 // "leisure": fritidsaktiviteter
	NeedSchoolwork                          // "schoolwork": skolarbete, läxor
	NeedIsolation                           // "isolation": bryta isolering
	NeedSocialNetwork                       // "social_network": nytt socialt nätverk
	NeedRoutines                            // "routines": struktur och rutiner
	NeedRoleModel                           // "role_model": vuxen förebild
	NeedNegativeDevelopment                 // "negative_development": bryta en negativ utveckling
	NeedSubstanceRisk                       // "substance_risk": risk för missbruk
	NeedCrimeRisk                           // "crime_risk": risk för kriminalitet
	NeedFamilyRespite                       // "family_respite": avlastning för familjen
	NeedDisability                          // "disability": stöd vid funktionsnedsättning
	NeedNPF                                 // "npf": stöd vid neuropsykiatrisk funktionsnedsättning (adhd, autism)
	NeedMentalHealth                        // "mental_health": stöd vid psykisk ohälsa
	NeedIntegration                         // "integration": introduktion i samhället för nyanlända
	numNeeds                = iota + 1
)

var needLabels = []label{
	{"", "", ""},
	{"leisure", "fritidsaktiviteter", "leisure activities"},
	{"schoolwork", "skolarbete", "schoolwork"},
	{"isolation", "bryta isolering", "breaking isolation"},
	{"social_network", "nytt socialt nätverk", "a new social network"},
	{"routines", "struktur och rutiner", "structure and routines"},
	{"role_model", "vuxen förebild", "an adult role model"},
	{"negative_development", "bryta en negativ utveckling", "breaking a negative development"},
	{"substance_risk", "risk för missbruk", "risk of substance abuse"},
	{"crime_risk", "risk för kriminalitet", "risk of crime"},
	{"family_respite", "avlastning för familjen", "respite for the family"},
	{"disability", "stöd vid funktionsnedsättning", "disability-related support"},
	{"npf", "stöd vid NPF (t.ex. adhd, autism)", "support with a neurodevelopmental condition (e.g. ADHD, autism)"},
	{"mental_health", "stöd vid psykisk ohälsa", "mental health support"},
	{"integration", "introduktion i samhället", "getting to know Swedish society"},
}

// String returns the JSON code of n, or "Need(n)" for a value outside the vocabulary.
func (n Need) String() string { return codeString("Need", needLabels, int(n)) }

// Label returns the Swedish and English labels of n.
func (n Need) Label() Text { return codeLabel(needLabels, int(n)) }

// MarshalText returns the JSON code of n; a value outside the vocabulary is an error.
func (n Need) MarshalText() ([]byte, error) { return codeText("needs", needLabels, int(n)) }

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (n *Need) UnmarshalText(b []byte) error { return setCode(n, "needs", needLabels, b) }

// Needs returns every Need of the vocabulary in order.
func Needs() []Need {
	out := make([]Need, 0, numNeeds-1)
	for n := Need(1); n < numNeeds; n++ {
		out = append(out, n)
	}
	return out
}

// Experience is a kind of experience or background a volunteer brings, recorded in the utredning. JSON codes are
// listed with each constant.
type Experience uint8

// The kinds of experience.
const (
	ExpChildren          Experience = iota + 1 // "children": with children under 13
	ExpTeenagers                               // "teenagers": with teenagers, 13-17
	ExpAdults                                  // "adults": with adults who need support
	ExpParenting                               // "parenting": raising children of one's own
	ExpTeaching                                // "teaching": pedagogy, homework help
	ExpYouthLeader                             // "youth_leader": leader in sports, scouts or a club
	ExpMentoring                               // "mentoring": earlier assignments as kontaktperson or mentor
	ExpHelpingProfession                       // "helping_profession": school, care, social work or police
	ExpYouthAtRisk                             // "youth_at_risk": young people in risk environments
	ExpSubstanceAbuse                          // "substance_abuse": substance abuse and addiction
	ExpDisability                              // "disability": disability
	ExpNPF                                     // "npf": neurodevelopmental conditions
	ExpMentalHealth                            // "mental_health": mental ill-health
	ExpNewcomers                               // "newcomers": newly arrived families
	ExpFosterCare                              // "foster_care": as familjehem, jourhem or kontaktfamilj
	numExperiences       = iota + 1
)

var experienceLabels = []label{
	{"", "", ""},
	{"children", "barn (under 13 år)", "children (under 13)"},
	{"teenagers", "tonåringar (13–17 år)", "teenagers (13–17)"},
	{"adults", "vuxna med stödbehov", "adults who need support"},
	{"parenting", "föräldraskap", "parenting"},
	{"teaching", "pedagogik och läxhjälp", "teaching and homework help"},
	{"youth_leader", "ledare inom idrott eller förening", "sports or club leader"},
	{"mentoring", "tidigare uppdrag som kontaktperson eller mentor", "earlier kontaktperson or mentoring assignments"},
	{"helping_profession", "yrke inom skola, vård, socialt arbete eller polis", "helping profession (school, care, social work, police)"},
	{"youth_at_risk", "ungdomar i riskmiljö", "youth at risk"},
	{"substance_abuse", "missbruk och beroende", "substance abuse"},
	{"disability", "funktionsnedsättning", "disability"},
	{"npf", "NPF", "neurodevelopmental conditions"},
	{"mental_health", "psykisk ohälsa", "mental ill-health"},
	{"newcomers", "nyanlända", "newly arrived families"},
	{"foster_care", "familjehem, jourhem eller kontaktfamilj", "foster, emergency or contact family care"},
}

// String returns the JSON code of e, or "Experience(n)" for a value outside the vocabulary.
func (e Experience) String() string { return codeString("Experience", experienceLabels, int(e)) }

// Label returns the Swedish and English labels of e.
func (e Experience) Label() Text { return codeLabel(experienceLabels, int(e)) }

// MarshalText returns the JSON code of e; a value outside the vocabulary is an error.
func (e Experience) MarshalText() ([]byte, error) {
	return codeText("experience", experienceLabels, int(e))
}

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (e *Experience) UnmarshalText(b []byte) error {
	return setCode(e, "experience", experienceLabels, b)
}

// needCover lists, for each need, the kinds of experience that cover it in the needs part of the score. A need
// is covered when the volunteer has at least one of them.
var needCover = [numNeeds][]Experience{
	NeedLeisure:             {ExpYouthLeader, ExpMentoring},
	NeedSchoolwork:          {ExpTeaching, ExpHelpingProfession},
	NeedIsolation:           {ExpMentoring, ExpMentalHealth},
	NeedSocialNetwork:       {ExpYouthLeader, ExpMentoring},
	NeedRoutines:            {ExpParenting, ExpNPF, ExpFosterCare},
	NeedRoleModel:           {ExpMentoring, ExpYouthLeader, ExpParenting},
	NeedNegativeDevelopment: {ExpYouthAtRisk, ExpHelpingProfession},
	NeedSubstanceRisk:       {ExpSubstanceAbuse, ExpYouthAtRisk},
	NeedCrimeRisk:           {ExpYouthAtRisk, ExpHelpingProfession},
	NeedFamilyRespite:       {ExpParenting, ExpFosterCare},
	NeedDisability:          {ExpDisability},
	NeedNPF:                 {ExpNPF},
	NeedMentalHealth:        {ExpMentalHealth, ExpHelpingProfession},
	NeedIntegration:         {ExpNewcomers},
}

// CoveredBy returns the kinds of experience that cover n in the needs part of the fit score.
func (n Need) CoveredBy() []Experience {
	if !valid(needLabels, int(n)) {
		return nil
	}
	return append([]Experience(nil), needCover[n]...)
}

// coveredNeeds returns the bit set of needs covered by the experience bit set exp.
func coveredNeeds(exp uint32) uint32 {
	var out uint32
	for n := Need(1); n < numNeeds; n++ {
		for _, e := range needCover[n] {
			if exp&(1<<e) != 0 {
				out |= 1 << n
				break
			}
		}
	}
	return out
}

// ageGroup is the age-group experience that fits a client of the given age.
func ageGroup(age int) Experience {
	switch {
	case age < 13:
		return ExpChildren
	case age < 18:
		return ExpTeenagers
	}
	return ExpAdults
}
