package matching_test

import (
	"encoding"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/matching"
)

type code interface {
	fmt.Stringer
	encoding.TextMarshaler
	Label() matching.Text
}

// roundTrip checks that every value of a closed vocabulary has a code that parses back to it and a Swedish and
// an English label, and that unknown codes are rejected.
func roundTrip[T code, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, values []T, wantCodes []string) {
	t.Helper()
	var codes []string
	for _, v := range values {
		b, err := v.MarshalText()
		require.NoError(t, err)
		codes = append(codes, string(b))
		assert.Equal(t, string(b), v.String())
		var back T
		require.NoError(t, P(&back).UnmarshalText(b))
		assert.Equal(t, v, back)
		assert.NotEmpty(t, v.Label().SV, "%s", v)
		assert.NotEmpty(t, v.Label().EN, "%s", v)
	}
	assert.Equal(t, wantCodes, codes)
	var x T
	err := P(&x).UnmarshalText([]byte("no such code"))
	assert.ErrorIs(t, err, matching.ErrInvalidInput)
	assert.NotContains(t, err.Error(), "no such code", "free text is not repeated")
	err = P(&x).UnmarshalText([]byte("nosuchcode"))
	assert.True(t, strings.HasSuffix(err.Error(), ": unknown code"), err.Error())
	b, _ := values[len(values)-1].MarshalText()
	err = P(&x).UnmarshalText(append(b[:len(b):len(b)], 'x'))
	assert.Contains(t, err.Error(), fmt.Sprintf("unknown code (did you mean %q?)", b))
}

func TestVocabularies(t *testing.T) {
	roundTrip(t, matching.Needs(), []string{"leisure", "schoolwork", "isolation", "social_network", "routines",
		"role_model", "negative_development", "substance_risk", "crime_risk", "family_respite", "disability", "npf",
		"mental_health", "integration"})
	var exps []matching.Experience
	for e := matching.ExpChildren; e <= matching.ExpFosterCare; e++ {
		exps = append(exps, e)
	}
	roundTrip(t, exps, []string{"children", "teenagers", "adults", "parenting", "teaching", "youth_leader",
		"mentoring", "helping_profession", "youth_at_risk", "substance_abuse", "disability", "npf", "mental_health",
		"newcomers", "foster_care"})
	roundTrip(t, []matching.Support{matching.Kontaktperson, matching.Kontaktfamilj, matching.SKKP},
		[]string{"kontaktperson", "kontaktfamilj", "skkp"})
	roundTrip(t, []matching.Law{matching.SoL, matching.LSS}, []string{"sol", "lss"})
	roundTrip(t, []matching.Gender{matching.Female, matching.Male, matching.OtherGender}, []string{"female", "male", "other"})
	roundTrip(t, []matching.Parity{matching.EveryWeek, matching.EvenWeeks, matching.OddWeeks}, []string{"every", "even", "odd"})
	roundTrip(t, []matching.Priority{matching.Normal, matching.High, matching.Urgent}, []string{"normal", "high", "urgent"})
	roundTrip(t, []matching.Objective{matching.MostMatched, matching.TotalFit, matching.MaxMin},
		[]string{"most_matched", "total_fit", "max_min"})
	roundTrip(t, []matching.Check{matching.CheckRegister, matching.CheckSocialServices, matching.CheckInterview,
		matching.CheckReferences, matching.CheckHomeVisit, matching.CheckDecision},
		[]string{"register_check", "social_services_check", "interview", "references", "home_visit", "decision"})
	roundTrip(t, []matching.ExpectationKind{matching.WantGender, matching.WantAge, matching.WantNoPets,
		matching.WantNonSmoking, matching.WantCar, matching.WantLanguage, matching.WantChildrenInHome,
		matching.WantNoChildrenInHome}, []string{"volunteer_gender", "volunteer_age", "no_pets", "non_smoking", "car",
		"language", "children_in_home", "no_children_in_home"})
	var rs []matching.Reason
	for r := matching.ReasonExcluded; r <= matching.ReasonSiblingsDoNotFit; r++ {
		rs = append(rs, r)
	}
	roundTrip(t, rs, []string{"excluded", "forbidden", "wrong_support", "not_approved", "approval_expired",
		"missing_check", "no_home_visit", "not_qualified", "too_far", "no_time", "capacity_full", "pets_allergy",
		"expectation_unmet", "outside_volunteer_ages", "siblings_do_not_fit"})
	roundTrip(t, []matching.PartName{matching.PartNeeds, matching.PartInterests, matching.PartLanguage,
		matching.PartDistance, matching.PartTime, matching.PartAge, matching.PartExpectations},
		[]string{"needs", "interests", "language", "distance", "time", "age", "expectations"})
	roundTrip(t, []matching.Why{matching.NoEligibleVolunteer, matching.BelowMinScore, matching.VolunteersTaken,
		matching.NotChosen}, []string{"no_eligible_volunteer", "below_min_score", "volunteers_taken", "not_chosen"})

	assert.Equal(t, "Need(99)", matching.Need(99).String())
	_, err := matching.Need(99).MarshalText()
	assert.ErrorIs(t, err, matching.ErrInvalidInput)
	assert.Equal(t, "okänd", matching.Need(99).Label().SV)
	assert.Equal(t, "kontaktperson", matching.Text{SV: "kontaktperson", EN: "contact person"}.String())
}

// Every need is covered by some experience, and the table says which.
func TestNeedCover(t *testing.T) {
	for _, n := range matching.Needs() {
		assert.NotEmpty(t, n.CoveredBy(), "%s", n)
	}
	assert.Equal(t, []matching.Experience{matching.ExpYouthAtRisk, matching.ExpHelpingProfession},
		matching.NeedCrimeRisk.CoveredBy())
	assert.Nil(t, matching.Need(0).CoveredBy())
}

func TestDistanceKm(t *testing.T) {
	stockholm := matching.Location{Lat: 59.3293, Lon: 18.0686}
	assert.InDelta(t, 91.3, matching.DistanceKm(vasteras, stockholm), 0.5) // Västerås–Stockholm centres, as the crow flies
	assert.InDelta(t, 10, matching.DistanceKm(vasteras, east(10)), 0.05)
	assert.Equal(t, 0.0, matching.DistanceKm(vasteras, vasteras))
}
