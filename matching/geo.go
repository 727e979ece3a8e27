package matching

import "math"

// earthRadiusKm is the mean Earth radius (IUGG), which keeps the spherical error below 0.5 % at Swedish
// latitudes: irrelevant to a fit score.
const earthRadiusKm = 6371.0088

// unit converts a WGS84 point to a unit vector, once per person.
func (l Location) unit() [3]float64 {
	lat, lon := l.Lat*math.Pi/180, l.Lon*math.Pi/180
	return [3]float64{math.Cos(lat) * math.Cos(lon), math.Cos(lat) * math.Sin(lon), math.Sin(lat)}
}

// chord2 returns the squared chord between two unit vectors: no trigonometry per pair.
func chord2(a, b *[3]float64) float64 {
	dx, dy, dz := a[0]-b[0], a[1]-b[1], a[2]-b[2]
	return float64(dx*dx) + float64(dy*dy) + float64(dz*dz)
}

// chordKm converts a squared chord to the great-circle distance in km.
func chordKm(c2 float64) float64 {
	return 2 * earthRadiusKm * math.Asin(min(math.Sqrt(c2)/2, 1))
}

// travelLimit returns a travel limit in km and its squared chord; a limit <= 0 means none (+Inf).
func travelLimit(km float64) (float64, float64) {
	if !(km > 0) || math.IsInf(km, 1) {
		return math.Inf(1), math.Inf(1)
	}
	if km >= math.Pi*earthRadiusKm {
		return km, 4 // the whole sphere
	}
	c := 2 * math.Sin(km/(2*earthRadiusKm))
	return km, c * c
}

// DistanceKm returns the straight-line (great-circle) distance between a and b in km. It is a proxy for travel,
// and explanations call it straight-line distance.
func DistanceKm(a, b Location) float64 {
	ua, ub := a.unit(), b.unit()
	return chordKm(chord2(&ua, &ub))
}
