"""The Dagster code location: assets, checks, jobs, sensors and schedules over `visits`."""
