;; Gexps: a program-file with ungexped packages, a computed-file built with #$output, and an
;; activation snippet that uses both.
(use-modules (gnu) (guix gexp))
(use-package-modules base bash)

(define %greeter
  (program-file "greeter"
                #~(begin
                    (use-modules (ice-9 format))
                    (format #t "Hello from ~a!~%" #$(file-append hello "/bin/hello")))))

(define %banner-dir
  (computed-file "banner-dir"
                 #~(begin
                     (mkdir #$output)
                     (call-with-output-file (string-append #$output "/banner")
                       (lambda (port)
                         (display "Managed by Guix\n" port))))))

(operating-system
  (host-name "gexps")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "gexps"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services (cons (simple-service 'greeter-activation activation-service-type
                                  #~(begin
                                      (copy-file (string-append #$%banner-dir "/banner")
                                                 "/etc/banner")
                                      (system* #$%greeter)))
                  %base-services)))
