"""The yearly goals and evaluations, the frameworks, and the SWV's own assessments."""
