package matching

import (
	"log/slog"

	"github.com/kontaktlab/kontakt/scheduling/calendar"
)

// Pool is everything Propose matches: the clients waiting for support, the volunteers who could give it, and the
// date on which ages, waiting times and the validity of approvals are computed.
type Pool struct {
	AsOf       calendar.Date `json:"as_of"` // the day the proposal is made; never taken from the clock
	Clients    []Client      `json:"clients"`
	Volunteers []Volunteer   `json:"volunteers"`
}

// Client is a child, young person or adult who has been granted a kontaktperson, kontaktfamilj or särskilt
// kvalificerad kontaktperson and is waiting for one. It holds no name or address: the ID is an opaque key into
// the municipality's case system, and Location may be a postcode centroid.
type Client struct {
	ID        string        `json:"id"`         // opaque, unique in the pool; never a personnummer
	Support   Support       `json:"support"`    // the support granted
	Law       Law           `json:"law"`        // SoL or LSS
	BirthDate calendar.Date `json:"birth_date"` // ages are derived on Pool.AsOf; never shown or logged
	Needs     []Need        `json:"needs"`      // the central needs of the decision, at least one

	Interests []string `json:"interests,omitempty"` // free vocabulary ("fotboll", "ridning"), compared case-insensitively
	Dislikes  []string `json:"dislikes,omitempty"`  // activities the client dislikes; shared dislikes count as shared interests
	Languages []string `json:"languages,omitempty"` // language codes, first language first ("sv", "ar")

	Location    Location `json:"location"`               // home, in WGS84; a postcode centroid is accurate enough
	Area        string   `json:"area,omitempty"`         // general area for the de-identified summary ("Västerås, Bäckby")
	MaxTravelKm float64  `json:"max_travel_km,omitzero"` // the furthest the client or the guardians accept; 0: no limit of their own

	Availability []calendar.Window `json:"availability,omitempty"` // weekly windows for meetings (kontaktperson, SKKP)
	Weekends     Weekends          `json:"weekends,omitzero"`      // weekends the child can stay away (kontaktfamilj)
	Frequency    Frequency         `json:"frequency,omitzero"`     // how often; the zero value takes the defaults of Frequency

	DurationMonths int           `json:"duration_months,omitzero"` // planned length of the support; 0: not stated
	Expectations   []Expectation `json:"expectations,omitempty"`   // what the client or guardians ask of the volunteer

	SiblingGroup string        `json:"sibling_group,omitempty"`       // clients with the same group go to one kontaktfamilj together
	Priority     Priority      `json:"priority,omitzero"`             // the social worker's priority
	WaitingSince calendar.Date `json:"waiting_since,omitzero"`        // the decision date; zero: not waiting long enough to count
	Excluded     []string      `json:"excluded_volunteers,omitempty"` // volunteers never to propose (declined earlier, conflicts of interest)
}

// LogValue returns only the client's ID, so that logging a Client never logs personal data.
func (c Client) LogValue() slog.Value { return slog.StringValue(c.ID) }

// Volunteer is an approved (or prospective) kontaktperson or kontaktfamilj. For a family, one record stands for
// the household.
type Volunteer struct {
	ID            string       `json:"id"`                      // opaque, unique in the pool
	Offers        []Support    `json:"offers"`                  // Kontaktperson, Kontaktfamilj or both
	SKKPQualified bool         `json:"skkp_qualified,omitzero"` // may take särskilt kvalificerad assignments
	Approval      Approval     `json:"approval"`                // the utredning and the decision
	Gender        Gender       `json:"gender,omitzero"`         // used only for a client's stated expectation
	BirthYear     int          `json:"birth_year"`              // the age used is Pool.AsOf's year minus BirthYear
	Languages     []string     `json:"languages,omitempty"`     // language codes ("sv", "en", "ar")
	Interests     []string     `json:"interests,omitempty"`     // free vocabulary, compared case-insensitively
	Dislikes      []string     `json:"dislikes,omitempty"`      // activities the volunteer dislikes
	Experience    []Experience `json:"experience,omitempty"`    // from the utredning

	Location    Location `json:"location"`               // home, in WGS84
	MaxTravelKm float64  `json:"max_travel_km,omitzero"` // the furthest the volunteer will travel; 0: no limit of their own

	Availability []calendar.Window `json:"availability,omitempty"` // weekly windows free for meetings (kontaktperson)
	Weekends     Weekends          `json:"weekends,omitzero"`      // weekends the family can host (kontaktfamilj)

	Capacity         Capacity     `json:"capacity"`                   // how many clients at once
	Household        Household    `json:"household,omitzero"`         // what clients' expectations are checked against
	Accepts          Accepts      `json:"accepts,omitzero"`           // the volunteer's own expectations
	CommitmentMonths int          `json:"commitment_months,omitzero"` // how long the volunteer means to commit; 0: not stated
	Assignments      []Assignment `json:"assignments,omitempty"`      // assignments already running
}

// LogValue returns only the volunteer's ID.
func (v Volunteer) LogValue() slog.Value { return slog.StringValue(v.ID) }

// Location is a point in WGS84 degrees. Coordinates are personal data: they are never logged or shown, and a
// coarse point (the postcode's centroid) is enough for the distance part of the score.
type Location struct {
	Lat float64 `json:"lat"` // -90..90, north positive
	Lon float64 `json:"lon"` // -180..180, east positive
}

// Frequency is how often the client meets the volunteer. A kontaktperson or SKKP meets MeetingsPerWeek times a
// week for MeetingMinutes each; a kontaktfamilj hosts the child WeekendsPerMonth weekends a month. The zero
// fields take the defaults: one meeting a week of 120 minutes, or one weekend a month.
type Frequency struct {
	MeetingsPerWeek  int `json:"meetings_per_week,omitzero"`  // 1..7 (kontaktperson, SKKP)
	MeetingMinutes   int `json:"meeting_minutes,omitzero"`    // 30..720 (kontaktperson, SKKP)
	WeekendsPerMonth int `json:"weekends_per_month,omitzero"` // 1..4 (kontaktfamilj)
}

// Default frequencies.
const (
	DefaultMeetingMinutes   = 120
	DefaultMeetingsPerWeek  = 1
	DefaultWeekendsPerMonth = 1
)

// normal returns f with the defaults filled in for the kind of support.
func (f Frequency) normal(s Support) Frequency {
	if s == Kontaktfamilj {
		return Frequency{WeekendsPerMonth: max(f.WeekendsPerMonth, DefaultWeekendsPerMonth)}
	}
	out := Frequency{MeetingsPerWeek: f.MeetingsPerWeek, MeetingMinutes: f.MeetingMinutes}
	if out.MeetingsPerWeek == 0 {
		out.MeetingsPerWeek = DefaultMeetingsPerWeek
	}
	if out.MeetingMinutes == 0 {
		out.MeetingMinutes = DefaultMeetingMinutes
	}
	return out
}

// Weekends is a set of weekends over the planning horizon: every weekend, or those of even or odd ISO weeks, minus
// the Blocked weeks. A weekend belongs to the ISO week of its Saturday. The zero value is every weekend.
type Weekends struct {
	Parity  Parity          `json:"parity,omitzero"`   // every (zero), even or odd ISO weeks
	Blocked []calendar.Week `json:"blocked,omitempty"` // weeks whose weekend is not possible (e.g. with the other parent)
}

// Expectation is something the client or the guardians ask of the volunteer. A Required expectation is a hard
// rule (the pair is not eligible without it); a preferred one counts in the expectations part of the score.
type Expectation struct {
	Kind     ExpectationKind `json:"kind"`
	Required bool            `json:"required,omitzero"`
	Gender   Gender          `json:"gender,omitzero"`   // for volunteer_gender
	MinAge   int             `json:"min_age,omitzero"`  // for volunteer_age; 0: no lower bound
	MaxAge   int             `json:"max_age,omitzero"`  // for volunteer_age; 0: no upper bound
	Language string          `json:"language,omitzero"` // for language: a code as in Languages
}

// Approval is a volunteer's approval record: the date each element of the utredning was completed and the date of
// the decision. A zero date means the element is missing. An approval is valid for Options.ApprovalValidityMonths
// after the decision.
type Approval struct {
	RegisterCheck       calendar.Date `json:"register_check,omitzero"`        // belastnings- och misstankeregistret
	SocialServicesCheck calendar.Date `json:"social_services_check,omitzero"` // socialtjänstens register
	Interview           calendar.Date `json:"interview,omitzero"`             // utredningssamtal
	References          calendar.Date `json:"references,omitzero"`            // referenssamtal
	HomeVisit           calendar.Date `json:"home_visit,omitzero"`            // hembesök; required for a kontaktfamilj
	Decision            calendar.Date `json:"decision,omitzero"`              // beslut om godkännande
}

// date returns the date of check c.
func (a Approval) date(c Check) calendar.Date {
	switch c {
	case CheckRegister:
		return a.RegisterCheck
	case CheckSocialServices:
		return a.SocialServicesCheck
	case CheckInterview:
		return a.Interview
	case CheckReferences:
		return a.References
	case CheckHomeVisit:
		return a.HomeVisit
	case CheckDecision:
		return a.Decision
	}
	return calendar.Date{}
}

// Capacity is how many clients a volunteer takes at once.
type Capacity struct {
	Assignments        int  `json:"assignments"`                   // concurrent assignments, including running ones; 0: no new ones
	ChildrenPerWeekend int  `json:"children_per_weekend,omitzero"` // a family's room per weekend; 0 means 1
	AcceptsSiblings    bool `json:"accepts_siblings,omitzero"`     // takes a sibling group as one assignment
}

// Household describes the volunteer's home, against which clients' expectations are checked.
type Household struct {
	Pets        bool `json:"pets,omitzero"`
	Smoking     bool `json:"smoking,omitzero"`
	OwnChildren int  `json:"own_children,omitzero"` // children living in the home
	Car         bool `json:"car,omitzero"`
}

// Accepts is what the volunteer has said they are ready for. The age range is a hard rule: a volunteer is never
// proposed a client outside it. ReadyFor is soft: needs outside it lower the expectations part of the score.
type Accepts struct {
	MinAge   int    `json:"min_age,omitzero"`    // youngest client accepted; 0: no lower bound
	MaxAge   int    `json:"max_age,omitzero"`    // oldest client accepted; 0: no upper bound
	ReadyFor []Need `json:"ready_for,omitempty"` // needs the volunteer feels ready for; empty: not stated
}

// Assignment is an assignment the volunteer already has. It uses one of Capacity.Assignments, its weekly windows
// are no longer free, and on its weekends it takes Children of the family's ChildrenPerWeekend.
type Assignment struct {
	ClientID string            `json:"client_id,omitempty"` // opaque; may name a client outside the pool
	Support  Support           `json:"support"`
	Children int               `json:"children,omitzero"`  // children hosted (kontaktfamilj); 0 means 1
	Windows  []calendar.Window `json:"windows,omitempty"`  // weekly time the assignment takes
	Weekends []calendar.Week   `json:"weekends,omitempty"` // weekends it takes within the horizon
}

// PairRef names a client and a volunteer, for Options.Locked and Options.Forbidden.
type PairRef struct {
	ClientID    string `json:"client_id"`
	VolunteerID string `json:"volunteer_id"`
}
