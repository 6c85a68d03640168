;; Two levels of `load': this file loads support/parts/chain.scm, which loads helpers.scm.
(use-modules (gnu))

(load "support/parts/chain.scm")

(operating-system
  (host-name "chained")
  (timezone "Etc/UTC")
  (bootloader (grub-on "/dev/vda"))
  (file-systems (cons %chain-root %base-file-systems))
  (services %base-services))
