package matching

import (
	"fmt"
	"log/slog"
	"math"
)

// Options control Propose. The zero value works: it matches as many clients as possible with the default
// weights, no minimum score, a 24-month approval validity, a 13-week horizon and three alternatives per pair.
// Its JSON form (for a batch job's settings) has the snake_case names of the tags; Logger and Progress have none.
type Options struct {
	// Objective is what is optimised; the zero value is MostMatched.
	Objective Objective `json:"objective,omitzero"`

	// MinScore is the lowest fit score (0..100, before priority weighting) at which a pair may be proposed; a
	// client with no eligible volunteer at or above it stays unmatched. Zero: no minimum.
	MinScore float64 `json:"min_score,omitzero"`

	// Weights of the parts of the fit score; the zero value means DefaultWeights().
	Weights Weights `json:"weights,omitzero"`

	// ApprovalValidityMonths is how long an approval decision stays valid; the zero value means
	// DefaultApprovalValidityMonths, and a negative value means approvals never expire.
	ApprovalValidityMonths int `json:"approval_validity_months,omitzero"`

	// MaxDistanceKm, if positive, limits the straight-line distance of every pair on top of each person's own
	// MaxTravelKm (the smallest limit applies). Zero: no pool-wide limit.
	MaxDistanceKm float64 `json:"max_distance_km,omitzero"`

	// HorizonWeeks is the number of weekends, from the ISO week after Pool.AsOf's, over which a kontaktfamilj's
	// free weekends are compared with the client's (1..52). Zero means DefaultHorizonWeeks.
	HorizonWeeks int `json:"horizon_weeks,omitzero"`

	// TopK is how many runner-up volunteers each client's proposal lists; zero means DefaultTopK and a negative
	// value lists none.
	TopK int `json:"top_k,omitzero"`

	// Locked pairs are already decided: they are kept as they are, take the volunteer's capacity and are listed
	// among the pairs with Locked set. A locked pair must be eligible. A sibling group is locked by any member.
	Locked []PairRef `json:"locked,omitempty"`

	// Forbidden pairs (declined proposals) are never proposed; forbidding one member of a sibling group forbids
	// the group. A pair naming a client or volunteer outside the pool has no effect and is counted in the debug
	// log.
	Forbidden []PairRef `json:"forbidden,omitempty"`

	// Logger receives debug timings and counts, never personal data; nil discards them.
	Logger *slog.Logger `json:"-"`

	// Progress, if set, is called from the goroutine that called Propose at the start and end of each phase and
	// at most about once a second in between.
	Progress func(Progress) `json:"-"`
}

// Progress reports how far Propose has come in one phase.
type Progress struct {
	Phase string `json:"phase"` // "score" (rows of the pool), "solve" (solver runs), "explain" (pairs)
	Done  int    `json:"done"`
	Total int    `json:"total"`
}

// Defaults of Options.
const (
	// DefaultApprovalValidityMonths is the default validity of an approval decision. The law sets no period;
	// municipalities set their own, and two years is Kontakt's judgment (see the package documentation).
	DefaultApprovalValidityMonths = 24
	// DefaultHorizonWeeks is one quarter: long enough to see a pattern of weekends, short enough to plan.
	DefaultHorizonWeeks = 13
	// MaxHorizonWeeks is the longest horizon.
	MaxHorizonWeeks = 52
	// DefaultTopK is the number of runner-up volunteers listed with each pair.
	DefaultTopK = 3
	// DistanceScaleKm is the distance at which the distance part falls to zero when no one has set a limit:
	// roughly the 20-30 minutes' drive of mentoring practice.
	DistanceScaleKm = 30.0
)

// Weights are the relative weights of the parts of the fit score. The score is 100 × Σ weight × value / Σ weight,
// so only the ratios matter; a zero weight leaves a part out. The zero Weights means DefaultWeights().
type Weights struct {
	Needs        float64 `json:"needs"`        // the client's needs covered by the volunteer's experience
	Interests    float64 `json:"interests"`    // shared interests and shared dislikes
	Language     float64 `json:"language"`     // a common language, the client's first language best
	Distance     float64 `json:"distance"`     // straight-line distance, against the pair's limit
	Time         float64 `json:"time"`         // overlapping weekly time or free weekends, against what is asked
	Age          float64 `json:"age"`          // experience with the client's age group; the volunteer's maturity
	Expectations float64 `json:"expectations"` // preferred expectations met, on both sides, and intended length
}

// DefaultWeights returns Kontakt's default weights, which sum to 100. The package documentation gives the
// research behind each.
func DefaultWeights() Weights {
	return Weights{Needs: 25, Interests: 15, Language: 5, Distance: 15, Time: 15, Age: 10, Expectations: 15}
}

func (w Weights) array() [numParts]float64 {
	return [numParts]float64{PartNeeds: w.Needs, PartInterests: w.Interests, PartLanguage: w.Language,
		PartDistance: w.Distance, PartTime: w.Time, PartAge: w.Age, PartExpectations: w.Expectations}
}

// config is Options with the defaults applied and the weights normalised.
type config struct {
	Options
	w         [numParts]float64 // weight / Σ weights
	raw       [numParts]float64 // weights as given (or the defaults)
	validity  int               // months; < 0 never expires
	horizon   int
	topK      int
	minScoreQ int32 // MinScore in hundredths of a point, rounded up
	limKm     float64
	lim2      float64 // squared chord of limKm; +Inf without a limit
	log       *slog.Logger
}

func newConfig(opt Options) (*config, error) {
	fe := fieldErrors{record: "options"}
	c := &config{Options: opt}
	w := opt.Weights
	if w == (Weights{}) {
		w = DefaultWeights()
	}
	c.raw = w.array()
	sum := 0.0
	for p := PartName(1); p < numParts; p++ {
		x := c.raw[p]
		if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			fe.add("weights."+p.String(), "must be a finite number >= 0")
			continue
		}
		sum += x
	}
	if sum > 0 && !math.IsInf(sum, 0) {
		for p := range c.w {
			c.w[p] = c.raw[p] / sum
		}
	} else if sum == 0 && len(fe.errs) == 0 {
		fe.add("weights", "at least one weight must be positive")
	}
	switch {
	case opt.Objective > MaxMin:
		fe.add("objective", "unknown objective %d", opt.Objective)
	case math.IsNaN(opt.MinScore) || opt.MinScore < 0 || opt.MinScore > 100:
		fe.add("min_score", "must be within 0..100")
	default:
		c.minScoreQ = int32(math.Ceil(opt.MinScore*100 - 1e-9))
	}
	c.validity = opt.ApprovalValidityMonths
	if c.validity == 0 {
		c.validity = DefaultApprovalValidityMonths
	}
	c.horizon = opt.HorizonWeeks
	if c.horizon == 0 {
		c.horizon = DefaultHorizonWeeks
	}
	if c.horizon < 1 || c.horizon > MaxHorizonWeeks {
		fe.add("horizon_weeks", "must be within 1..%d", MaxHorizonWeeks)
	}
	c.topK = opt.TopK
	if c.topK == 0 {
		c.topK = DefaultTopK
	}
	c.topK = max(c.topK, 0)
	if math.IsNaN(opt.MaxDistanceKm) || opt.MaxDistanceKm < 0 || math.IsInf(opt.MaxDistanceKm, 0) {
		fe.add("max_distance_km", "must be a finite number >= 0")
	}
	c.limKm, c.lim2 = travelLimit(opt.MaxDistanceKm)
	c.log = opt.Logger
	if c.log == nil {
		c.log = slog.New(slog.DiscardHandler)
	}
	if err := fe.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// String describes the weights, e.g. for a report: "needs 25, interests 15, ...".
func (w Weights) String() string {
	a := w.array()
	s := ""
	for p := PartName(1); p < numParts; p++ {
		if s != "" {
			s += ", "
		}
		s += fmt.Sprintf("%s %g", p, a[p])
	}
	return s
}
