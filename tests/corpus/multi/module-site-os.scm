;; guix-differential: load-path support/modules
;; A machine of the site: the base OS comes from the module (corpus-site base), found with -L.
(use-modules (gnu) (corpus-site base))

(operating-system
  (inherit %site-os)
  (host-name "site-web")
  (users (cons* (site-user "nadia" "Nadia Benali")
                (operating-system-users %site-os))))
