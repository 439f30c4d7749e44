// Tests of GradCheckSymbolic.
