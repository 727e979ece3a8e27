package compensation_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kontaktlab/kontakt/compensation"
)

func TestPolicyValidate(t *testing.T) {
	assert.NoError(t, compensation.Policy{}.Validate(), "the zero Policy is SKR's recommendation")
	tests := []struct {
		name  string
		p     compensation.Policy
		field string
	}{
		{"percent above 1000", compensation.Policy{OmkostnadPercent: 100_001}, "omkostnadPercent"},
		{"negative percent", compensation.Policy{OmkostnadPercent: -1}, "omkostnadPercent"},
		{"family omkostnad level 3", compensation.Policy{Family: compensation.FamilyPolicy{Omkostnad: 3}}, "family.omkostnadLevel"},
		{"family arvode level 4", compensation.Policy{Family: compensation.FamilyPolicy{Arvode: 4}}, "family.arvodeLevel"},
		{"negative arvode per day", compensation.Policy{Family: compensation.FamilyPolicy{ArvodePerDay: -1}}, "family.arvodePerDay"},
		{"person omkostnad level 4", compensation.Policy{Person: compensation.PersonPolicy{Omkostnad: 4}}, "person.omkostnadLevel"},
		{"person arvode level 3", compensation.Policy{Person: compensation.PersonPolicy{Arvode: 3}}, "person.arvodeLevel"},
		{"table year", compensation.Policy{Tables: []compensation.Table{{Year: 1989, Law: compensation.SoL}}}, "tables[0].year"},
		{"table law", compensation.Policy{Tables: []compensation.Table{{Year: 2025, Law: "BBIC"}}}, "tables[0].law"},
		{"two tables for one year", compensation.Policy{Tables: []compensation.Table{{Year: 2025, Law: compensation.SoL}, {Year: 2025, Law: compensation.SoL}}}, "tables[1]"},
		{"unknown cell", compensation.Policy{Tables: []compensation.Table{{Year: 2025, Law: compensation.SoL, Cells: []compensation.Cell{
			cell(compensation.Kontaktfamilj, compensation.Omkostnad, compensation.Band0to12, 3, kr(100))}}}}, "tables[0].cells[0]"},
		{"cell of a kontaktperson category in a kontaktfamilj band", compensation.Policy{Tables: []compensation.Table{{Year: 2025, Law: compensation.SoL, Cells: []compensation.Cell{
			cell(compensation.Kontaktperson, compensation.Arvode, compensation.Band0to12, 1, kr(100))}}}}, "tables[0].cells[0]"},
		{"two cells alike", compensation.Policy{Tables: []compensation.Table{{Year: 2025, Law: compensation.SoL, Cells: []compensation.Cell{
			cell(compensation.Kontaktfamilj, compensation.Arvode, compensation.Band0to12, 1, kr(100)),
			cell(compensation.Kontaktfamilj, compensation.Arvode, compensation.Band0to12, 1, kr(200))}}}}, "tables[0].cells[1]"},
		{"zero amount", compensation.Policy{Tables: []compensation.Table{{Year: 2025, Law: compensation.SoL, Cells: []compensation.Cell{
			cell(compensation.Kontaktfamilj, compensation.Arvode, compensation.Band0to12, 1, 0)}}}}, "tables[0].cells[0].amount"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.p.Name = "Testkommunen"
			err := tt.p.Validate()
			var fe *compensation.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, "policy", fe.Record)
			assert.Equal(t, "Testkommunen", fe.ID)
			_, err = compensation.New(tt.p)
			assert.ErrorIs(t, err, compensation.ErrInvalidInput)
		})
	}
}

func TestPolicyValidateReportsEveryField(t *testing.T) {
	err := compensation.Policy{OmkostnadPercent: -1, Family: compensation.FamilyPolicy{Omkostnad: 9}, Person: compensation.PersonPolicy{Arvode: 9}}.Validate()
	var joined interface{ Unwrap() []error }
	require.True(t, errors.As(err, &joined))
	assert.Len(t, joined.Unwrap(), 3)
}

// TestNewKeepsACopy checks that a Calculator is not affected by later changes to the caller's policy tables.
func TestNewKeepsACopy(t *testing.T) {
	cells := []compensation.Cell{
		cell(compensation.Kontaktfamilj, compensation.Omkostnad, compensation.Band0to12, 1, kr(170)),
		cell(compensation.Kontaktfamilj, compensation.Omkostnad, compensation.Band0to12, 2, kr(240)),
		cell(compensation.Kontaktfamilj, compensation.Arvode, compensation.Band0to12, 1, kr(250)),
	}
	cells[0].Status = compensation.Published // the caller cannot make its own figure look like SKR's
	p := compensation.Policy{Name: "Exempelkommunen", Tables: []compensation.Table{{Year: 2025, Law: compensation.SoL,
		Source: compensation.Source{Title: "Exempelkommunens riktlinjer 2025"}, Cells: cells}}}
	c := mustNew(t, p)
	cells[0].Amount = kr(1)

	s := child("S", date(2025, time.March, 7), date(2025, time.March, 9), date(2018, time.May, 1))
	got, err := c.PriceStay(s)
	require.NoError(t, err)
	assert.Equal(t, kr(170), got.Days[1].Omkostnad)
	assert.Equal(t, compensation.Municipal, got.Days[1].OmkostnadFrom)

	q := c.Policy()
	assert.Equal(t, "Exempelkommunen", q.Name)
	assert.Equal(t, kr(170), q.Tables[0].Cells[0].Amount)
	assert.Equal(t, "Exempelkommunens riktlinjer 2025", q.Tables[0].Cells[0].Source.Title, "cells inherit the table's source")
	q.Tables[0].Cells[0].Amount = kr(2)
	assert.Equal(t, kr(170), c.Policy().Tables[0].Cells[0].Amount)
}
