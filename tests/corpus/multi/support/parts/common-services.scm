;; Forms included with `include': the services every machine of the site runs.
(define %common-services
  (cons* (service dhcpcd-service-type)
         (service openssh-service-type
                  (openssh-configuration
                   (password-authentication? #f)))
         %base-services))
