// The gandsl command line; verbs are added as the features land.
return 0;
