;; A scheme-file and a program-file that needs a Guile extension (guile-json), through
;; with-extensions and with-imported-modules.
(use-modules (gnu) (guix gexp) (guix modules))
(use-package-modules guile)
(use-service-modules mcron)

(define %report
  (program-file
   "json-report"
   (with-extensions (list guile-json-4)
     (with-imported-modules (source-module-closure '((guix build utils)))
       #~(begin
           (use-modules (json) (guix build utils))
           (mkdir-p "/var/lib/report")
           (call-with-output-file "/var/lib/report/uptime.json"
             (lambda (port)
               (scm->json `((uptime . ,(call-with-input-file "/proc/uptime" read))) port))))))))

(define %settings
  (scheme-file "settings.scm" #~((interval . 3600) (target . "/var/lib/report"))))

(operating-system
  (host-name "reports")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "reports"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons* (simple-service 'report mcron-service-type
                                   (list #~(job "@hourly" #$%report)))
                   (simple-service 'report-settings etc-service-type
                                   `(("report.scm" ,%settings)))
                   %base-services)))
