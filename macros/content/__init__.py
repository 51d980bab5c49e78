"""Contributed files read and checked: locate, front matter, fields, references, corpus."""
