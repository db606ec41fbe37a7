"""Brand-protection crawler: finds, scores and stores likely counterfeit listings."""
