;; The configuration adds its own module folder to the load path, then uses the site's modules.
(add-to-load-path (string-append (dirname (current-filename)) "/support/modules"))
(use-modules (gnu) (corpus-site base))

(operating-system
  (inherit %site-os)
  (host-name "self-pathed"))
