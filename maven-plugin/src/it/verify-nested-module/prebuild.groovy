// The scenario's root is the repository root GitHub resolves annotation paths from.
new File(basedir, '.git').mkdirs()
return true
