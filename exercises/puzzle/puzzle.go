// Package puzzle gives every chapter its Advent-of-Code-style puzzle input:
// a large input generated deterministically from a seed, and a check of the
// learner's answer against the answer the reference solution computed.
//
// By default every learner gets the chapter's own seed, whose answers are
// written in the chapter's tests. A personal input comes from a seed of your
// own (your name, say):
//
//	workbook test 1 --seed ada
//
// The workbook first runs the reference solution on that input to learn the
// expected answers, then runs your code and passes them in with -want. With
// plain go test you can do the same by hand:
//
//	go test ./01-commands/ -args -seed=ada -want=part1=123,part2=45
package puzzle

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// DefaultSeed is the seed used when no -seed is given.
const DefaultSeed = "workbook"

var (
	seedFlag  = flag.String("seed", "", "personal puzzle seed (default "+strconv.Quote(DefaultSeed)+")")
	wantFlag  = flag.String("want", "", "expected puzzle answers for -seed, as part1=N,part2=M")
	scaleFlag = flag.Int("scale", 1, "puzzle input size, as a multiple of the chapter's own (for benchmarks)")
)

// Seed returns the seed of this run's puzzle input.
func Seed() string {
	if *seedFlag == "" {
		return DefaultSeed
	}
	return *seedFlag
}

// Scale returns how many times larger than the chapter's own this run's
// puzzle input is: 1 unless -scale says otherwise. A chapter whose generator
// multiplies its size by Scale can be measured at 1×, 4× and 16× its input
// (scripts/benchmarks.sh does). Any scale but 1 has no answers written in the
// tests, like a personal seed: the workbook learns them from the reference
// solution.
func Scale() int {
	if *scaleFlag < 1 {
		return 1
	}
	return *scaleFlag
}

// isDefault reports whether this run's input is the chapter's own, whose
// answers the tests know.
func isDefault() bool {
	return Seed() == DefaultSeed && Scale() == 1
}

// Rand is a small deterministic random source (splitmix64). It gives the
// same numbers for the same seed on every machine and in both engines.
type Rand struct {
	state uint64
}

// New returns a Rand for one chapter's puzzle and a seed.
func New(chapter, seed string) *Rand {
	// FNV-1a over "chapter/seed".
	h := uint64(14695981039346656037)
	s := chapter + "/" + seed
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return &Rand{state: h}
}

// Uint64 returns the next pseudo-random number.
func (r *Rand) Uint64() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Intn returns a number in [0, n). It panics if n <= 0.
func (r *Rand) Intn(n int) int {
	if n <= 0 {
		panic("puzzle: Intn argument must be positive")
	}
	return int(r.Uint64() % uint64(n))
}

// Between returns a number in [lo, hi].
func (r *Rand) Between(lo, hi int) int {
	return lo + r.Intn(hi-lo+1)
}

// Chance reports true with probability percent/100.
func (r *Rand) Chance(percent int) bool {
	return r.Intn(100) < percent
}

// Pick returns one of the strings.
func (r *Rand) Pick(choices []string) string {
	return choices[r.Intn(len(choices))]
}

// Check compares the learner's answer for one part ("part1" or "part2") with
// the expected one: the -want flag when given, else defaultWant when the seed
// is the default one. A right answer is logged ("puzzle answer part1: N"),
// and so is an answer for a seed with no expected answer, which is how the
// workbook learns a personal seed's answers from the reference solution.
func Check(t testing.TB, part string, got int, defaultWant int) {
	t.Helper()
	seed := Seed()
	want, ok := wanted(part)
	if !ok {
		if !isDefault() {
			t.Errorf("puzzle answer %s: %d (seed %q, scale %d), but there is no expected answer for this input: run it with `workbook test --seed %s`, which asks the reference solution", part, got, seed, Scale(), seed)
			return
		}
		want = defaultWant
	}
	if got != want {
		t.Errorf("your %s puzzle answer (seed %q) is %d, want %d", part, seed, got, want)
		return
	}
	t.Logf("puzzle answer %s: %d (seed %q)", part, got, seed)
}

// wanted returns the answer for part given with -want, if any.
func wanted(part string) (int, bool) {
	if *wantFlag == "" {
		return 0, false
	}
	for _, kv := range strings.Split(*wantFlag, ",") {
		k, v, found := strings.Cut(kv, "=")
		if !found || strings.TrimSpace(k) != part {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil {
			panic(fmt.Sprintf("puzzle: -want %q: %v", *wantFlag, err))
		}
		return n, true
	}
	return 0, false
}
