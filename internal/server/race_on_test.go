//go:build race

package server_test

// raceSlowdown stretches the harness's per-test deadline of the tests that
// run real solutions: the race detector slows the interpreter's worker
// several times over, and CI runs the race step with other packages beside
// it. The deadlines themselves are proven in the ordinary run.
const raceSlowdown = 4
