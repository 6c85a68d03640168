;;; (gnu services sound): sound servers, known to vbmc by name only.
;;;
;;; Real service types with a default value and no extensions, and configuration
;;; constructors that keep their initializers (see (gnu services catalogue)), so that
;;; configurations using them evaluate and fold without false errors.

(define-module (gnu services sound)
  #:use-module (gnu services)
  #:use-module (gnu services catalogue)
  #:export (alsa-service-type
            pulseaudio-service-type
            ladspa-service-type
            alsa-configuration
            pulseaudio-configuration
            ladspa-configuration))

(define-opaque-configuration alsa-configuration)
(define-opaque-configuration pulseaudio-configuration)
(define-opaque-configuration ladspa-configuration)

(define-opaque-service-types
  (alsa-service-type 'alsa (alsa-configuration))
  (pulseaudio-service-type 'pulseaudio (pulseaudio-configuration))
  (ladspa-service-type 'ladspa (ladspa-configuration)))
