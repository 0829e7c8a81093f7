package examples

// Job is a piece of work for one key, such as a sailing.
type Job struct {
	Key  string
	What string
}

// Rounds plans a list of jobs the way the back office steps through them:
// each round takes at most one job per key, and a key's jobs keep their
// order, so a key's n-th job goes in round n. Within a round, jobs keep
// the order in which they were listed.
func Rounds(jobs []Job) [][]Job {
	var rounds [][]Job
	count := map[string]int{} // jobs planned so far, by key
	for _, j := range jobs {
		n := count[j.Key]
		count[j.Key]++
		if n == len(rounds) {
			rounds = append(rounds, nil)
		}
		rounds[n] = append(rounds[n], j)
	}
	return rounds
}
