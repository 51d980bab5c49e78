"""The command line (capi) and the steps it runs."""
