package matching

import "context"

// Scorer exposes the scoring phase of Propose to the benchmarks.
type Scorer struct {
	pp   *prepared
	rows []int32
}

// NewScorer validates p and precomputes its features, as Propose does before scoring.
func NewScorer(p Pool, opt Options) (*Scorer, error) {
	cfg, err := newConfig(opt)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	s := &Scorer{pp: prepare(&p, cfg)}
	for k := range s.pp.units {
		s.rows = append(s.rows, int32(k))
	}
	return s, nil
}

// Score scores every row against every volunteer and returns the number of pairs evaluated (members ×
// volunteers) and of eligible row pairs at or above MinScore.
func (s *Scorer) Score(ctx context.Context) (pairs, eligible int, err error) {
	outs, err := s.pp.scoreRows(ctx, s.rows)
	if err != nil {
		return 0, 0, err
	}
	for k := range outs {
		eligible += len(outs[k].cands)
	}
	return len(s.pp.c) * len(s.pp.v), eligible, nil
}
