;; A channel's package module (as in a checkout of a channel such as nonguix): a firmware
;; package made from Guix's with inherit.
(define-module (acme packages firmware)
  #:use-module (guix packages)
  #:use-module (gnu packages linux)
  #:export (acme-firmware))

(define acme-firmware
  (package
    (inherit linux-libre)
    (name "acme-firmware")))
