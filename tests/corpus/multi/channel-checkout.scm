;; guix-differential: load-path support/channel
;; A system built on a third-party channel's modules, checked with -L CHANNEL-CHECKOUT as
;; `guix system -L` loads them: the channel's modules are evaluated like the user's own.
(use-modules (gnu) (acme system kiosk) (acme packages firmware))

(operating-system
  (inherit %acme-kiosk-os)
  (host-name "lobby-kiosk")
  (firmware (cons acme-firmware (operating-system-firmware %acme-kiosk-os))))
