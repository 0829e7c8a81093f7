package examples

// Reminder is a scheduled job that must not nag twice: "your coat is
// still in the cloakroom". Its log is the record of what was done.
type Reminder struct {
	Log  []string // what happened, in order: the job's memory
	Sent []string // the messages that left the building
}

// Run sends the reminder unless the log says it went out already. It
// writes the fact down first and sends after: if it stopped between the
// two, nobody would be reminded, but nobody would ever be reminded twice.
func (r *Reminder) Run(guest string) bool {
	for _, line := range r.Log {
		if line == "reminded "+guest {
			return false // a second run, after a restart: nothing to do
		}
	}
	r.Log = append(r.Log, "reminded "+guest)
	r.Sent = append(r.Sent, guest+": your coat is still here")
	return true
}
