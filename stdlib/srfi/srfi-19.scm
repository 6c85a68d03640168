;;; (srfi srfi-19): dates and times, as Guile offers them.
;;;
;;; The procedures are builtins written in C# (src/Vbmc.Evaluator/Builtins/DateBuiltins.cs) and
;;; live in the core environment, so this module only re-exports them: importing it is what a
;;; configuration written for Guile does, and it keeps working unchanged here.
;;; current-date and current-time are deliberately missing: configurations are pure, and a
;;; date that changed with every run would make two compiles of one file differ.

(define-module (srfi srfi-19)
  #:re-export (make-date
               date?
               date-nanosecond
               date-second
               date-minute
               date-hour
               date-day
               date-month
               date-year
               date-zone-offset
               date-year-day
               date-week-day
               string->date
               date->string
               date->time-utc
               time-utc->date
               make-time
               time?
               time-type
               time-nanosecond
               time-second
               time-utc))
