/// This release of isp-wizard, as `isp-wizard --version` says it and the HTML record names its generator.
public let ispWizardVersion = "0.4.0"
