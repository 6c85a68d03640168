;; guix-differential: load-path support/modules
;; A site service type from (corpus-site services), found with -L, added to the site OS.
(use-modules (gnu) (corpus-site base) (corpus-site services))

(operating-system
  (inherit %site-os)
  (host-name "site-monitored")
  (services (cons (service heartbeat-service-type
                           (heartbeat-configuration (interval 30)))
                  (operating-system-user-services %site-os))))
