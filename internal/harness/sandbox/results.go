package sandbox

// resultsEnv tells a child which descriptor or handle is its results pipe.
const resultsEnv = "WORKBOOK_RESULTS_PIPE"
