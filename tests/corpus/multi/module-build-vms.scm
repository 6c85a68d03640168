;; guix-differential: load-path support/modules
;; The site's standard build VMs from (corpus-site vms), found with -L: a bare list of services.
(use-modules (corpus-site vms))

(list (site-build-vm 'site-2015 2015 #:port 30022)
      (site-build-vm 'site-2022 2022 #:port 31022 #:cores 8))
