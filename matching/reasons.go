package matching

import "math/bits"

// Reason is why a volunteer cannot be proposed to a client: one of the hard rules of the package documentation.
// JSON codes are listed with each constant.
type Reason uint8

// The reasons, in the order they are reported.
const (
	ReasonExcluded         Reason = iota + 1 // "excluded": on the client's list of excluded volunteers
	ReasonForbidden                          // "forbidden": in Options.Forbidden (a declined proposal)
	ReasonWrongSupport                       // "wrong_support": does not offer the client's kind of support
	ReasonNotApproved                        // "not_approved": no approval decision
	ReasonApprovalExpired                    // "approval_expired": the decision is older than the validity period
	ReasonMissingCheck                       // "missing_check": an element of the utredning is missing (Details say which)
	ReasonNoHomeVisit                        // "no_home_visit": a kontaktfamilj needs a home visit
	ReasonNotQualified                       // "not_qualified": SKKP needs a qualified volunteer
	ReasonTooFar                             // "too_far": beyond a travel limit (Details: "volunteer", "client", "options")
	ReasonNoTime                             // "no_time": no room for the meetings or weekends asked for
	ReasonCapacityFull                       // "capacity_full": no assignment left in the volunteer's capacity
	ReasonPetsAllergy                        // "pets_allergy": pets in the home, and the client requires none
	ReasonExpectationUnmet                   // "expectation_unmet": a required expectation is unmet (Details say which)
	ReasonOutsideAges                        // "outside_volunteer_ages": outside the ages the volunteer accepts
	ReasonSiblingsDoNotFit                   // "siblings_do_not_fit": no siblings, or too many children for one weekend
	numReasons             = iota + 1
)

var reasonLabels = []label{
	{"", "", ""},
	{"excluded", "utesluten för klienten (tidigare avböjd eller jäv)", "excluded for this client (declined earlier or conflict of interest)"},
	{"forbidden", "förslaget har avböjts", "the proposal was declined"},
	{"wrong_support", "erbjuder inte den insatsen", "does not offer this kind of support"},
	{"not_approved", "inte godkänd", "not approved"},
	{"approval_expired", "godkännandet har gått ut", "the approval has expired"},
	{"missing_check", "utredningen saknar", "the approval lacks"},
	{"no_home_visit", "inget hembesök, som krävs för kontaktfamilj", "no home visit, which a kontaktfamilj needs"},
	{"not_qualified", "inte kvalificerad för särskilt kvalificerad kontaktperson", "not qualified as a specially qualified contact person"},
	{"too_far", "för långt avstånd", "beyond travel distance"},
	{"no_time", "ingen gemensam tid", "no overlapping time"},
	{"capacity_full", "har inte plats för fler uppdrag", "no capacity left"},
	{"pets_allergy", "husdjur i hemmet, men klienten är allergisk", "pets at home, but the client is allergic"},
	{"expectation_unmet", "ett krav uppfylls inte", "a required expectation is unmet"},
	{"outside_volunteer_ages", "utanför de åldrar volontären tar emot", "outside the ages the volunteer accepts"},
	{"siblings_do_not_fit", "syskongruppen ryms inte", "the sibling group does not fit"},
}

// String returns the JSON code of r, or "Reason(n)" for a value outside the vocabulary.
func (r Reason) String() string { return codeString("Reason", reasonLabels, int(r)) }

// Label returns the Swedish and English labels of r.
func (r Reason) Label() Text { return codeLabel(reasonLabels, int(r)) }

// MarshalText returns the JSON code of r; a value outside the vocabulary is an error.
func (r Reason) MarshalText() ([]byte, error) { return codeText("reason", reasonLabels, int(r)) }

// UnmarshalText reads a code, ignoring case; an unknown code is a *FieldError.
func (r *Reason) UnmarshalText(b []byte) error { return setCode(r, "reason", reasonLabels, b) }

// reasonMask is a set of Reasons, bit r for Reason r.
type reasonMask uint32

// reasons lists the reasons of m in order.
func (m reasonMask) reasons() []Reason {
	var out []Reason
	for m != 0 {
		r := Reason(bits.TrailingZeros32(uint32(m)))
		out = append(out, r)
		m &^= 1 << r
	}
	return out
}

// Blocker is one reason a pair is not eligible, with the details that say which check, expectation or limit.
type Blocker struct {
	Reason  Reason   `json:"reason"`
	Details []string `json:"details,omitempty"` // codes: a Check, an ExpectationKind, "volunteer"/"client"/"options", ...
	Text    Text     `json:"text"`              // e.g. "utredningen saknar referenssamtal"
}

// BlockerCount is how many volunteers one reason rules out for a client.
type BlockerCount struct {
	Reason     Reason `json:"reason"`
	Volunteers int    `json:"volunteers"`
	Text       Text   `json:"text"`
}
