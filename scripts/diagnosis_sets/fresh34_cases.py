"""Thirty-fourth fresh held-out set for the diagnosis: one planted bug per program in fresh34/
(eight PyTorch ports, six of them checked against a NumPy program of their own, and eight NumPy
programs, six of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is normalisation and regularisation written by hand in NumPy and
ported to PyTorch: layer norm, batch norm (training statistics, the backward pass written node
by node, running statistics), group norm on a dense layer's units, weight normalisation
(w = g v / ||v||), dropout with a mask fixed by a seed and inverted scaling, L1, L2 and
elastic-net penalties on some parameters only, max-norm constraints after the step, label
smoothing by hand, mixup with a fixed lambda and a fixed permutation, gradient centralisation;
and their torch counterparts (nn.LayerNorm-style modules, nn.BatchNorm1d, nn.GroupNorm,
parametrizations.weight_norm, masked_fill, weight_decay in parameter groups, torch.renorm,
F.cross_entropy(label_smoothing=...), gradient hooks).
fresh34/make_data.py writes the pairs' data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh34_cases

Each case:
    id          short name (prefixed PH)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py) and of the earlier fresh sets. Each buggy program was checked
to fail (exit 1) and its fix (the bug line the only difference; the line marked `# fix:`) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh34/"
port, numpy_net = in_folder(F)

BLOBS, CURVE, BINARY = F + "blobs.npz", F + "curve.npz", F + "binary.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


DENSE2 = ("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PH01_layernorm_classifier", side="port",
         args=pair("01_layernorm_classifier_numpy.py", "LayerNormClassifier", "01_layernorm_classifier_torch.py",
                   "LayerNormClassifier", "--data", BLOBS, "--dtype", "float64",
                   *params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['gain']=norm.gain",
                           "params['shift']=norm.shift", "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")),
         mechanism="pair: the port's hand-written layer norm (the transformer-tutorial module) divides by std + eps, the "
                   "epsilon outside the square root, where the NumPy program (like nn.LayerNorm) divides by sqrt(var + "
                   "eps) with EPS = 1e-5: each normalised activation differs by a relative eps (1/sigma - 1/(2 "
                   "sigma^2)), about 1e-5 / sigma, in the forward pass and in every gradient through the norm (seen in "
                   "float64)",
         expected=("epsilon", "outside the square root", "outside the sqrt", "inside the square root",
                   "inside the sqrt", "sqrt(var + eps)", "std + eps", "std + self.eps", "placement",
                   "layer norm", "layernorm", "eps outside", "eps inside", "epsilon placement", "sqrt(var")),
    dict(id="PH02_batchnorm_regressor", side="port",
         args=pair("02_batchnorm_regressor_numpy.py", "BatchNormRegressor", "02_batchnorm_regressor_torch.py",
                   "BatchNormRegressor", "--data", CURVE, "--output", "net.eval_out",
                   "--torch-output", "model.eval_out",
                   *params("params['W1']=fc1.weight.T", "params['gamma']=bn.weight",
                           "params['beta']=bn.bias", "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")),
         mechanism="pair: Keras's BatchNormalization(momentum=0.99) is ported as nn.BatchNorm1d(momentum=0.99), but "
                   "torch's momentum is the weight of the new batch statistic (running = (1 - m) running + m batch), the "
                   "complement of Keras's: the port's running mean and variance take 0.99 of each batch's statistics "
                   "instead of 0.01 (momentum=0.01 meant), so the eval-mode predictions made with the running statistics "
                   "differ from step 1 (the training pass, on batch statistics, is right)",
         expected=("bn momentum", "batchnorm momentum", "momentum=0.99", "momentum of the batch norm",
                   "1 - momentum", "keras", "running mean", "running_mean", "running variance", "running_var",
                   "running statistics", "running stats", "moving average", "moving statistics", "eval mode",
                   "batchnorm1d", "complement")),
    dict(id="PH03_dropout_classifier", side="port",
         args=pair("03_dropout_classifier_numpy.py", "DropoutClassifier", "03_dropout_classifier_torch.py",
                   "DropoutClassifier", "--data", BLOBS, "--batch-size", "16", *params(*DENSE2)),
         mechanism="pair: the port applies its fixed dropout mask with h.masked_fill(self.keep, 0.0) / KEEP_PROB: "
                   "masked_fill fills where the mask is True, so the 10 kept units are zeroed and the 6 dropped ones are "
                   "kept (scaled by 1 / 0.75): the mask is inverted (masked_fill(~self.keep, 0.0) meant)",
         expected=("masked_fill", "mask inverted", "inverted mask", "mask is inverted", "mask inverse",
                   "~self.keep", "logical not", "where true", "fills where", "kept units", "dropped units",
                   "dropout mask", "keep mask", "zeroes the kept", "zeroed the kept", "kept and dropped")),
    dict(id="PH04_smoothed_classifier", side="port",
         args=pair("04_smoothed_classifier_numpy.py", "SmoothedClassifier", "04_smoothed_classifier_torch.py",
                   "SmoothedClassifier", "--data", BLOBS,
                   *params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T",
                           "params['b2']=out.bias")),
         mechanism="pair: the port builds the smoothed targets by hand, (1 - 0.2) y + 0.2 / 3, and also passes "
                   "label_smoothing=0.2 to F.cross_entropy: the smoothing is applied twice, targets 0.76 on the true "
                   "class and 0.12 on the others instead of the NumPy program's 0.867 and 0.067",
         expected=("label smoothing", "label_smoothing", "smoothed twice", "applied twice", "double smoothing",
                   "smoothing twice", "double-smoothed", "already smoothed", "pre-smoothed", "smoothed targets",
                   "soft targets", "0.76", "0.12")),
    dict(id="PH05_maxnorm_classifier", side="port",
         args=pair("05_maxnorm_classifier_numpy.py", "MaxNormClassifier", "05_maxnorm_classifier_torch.py",
                   "MaxNormClassifier", "--data", BINARY, *params(*DENSE2)),
         mechanism="pair: the port's max-norm constraint, torch.renorm of fc1.weight's rows to an L2 norm of at most "
                   "1.0, runs before optimizer.step() instead of after it: it renormalises the weights the previous step "
                   "already constrained (a no-op) and the step's result is left unconstrained, where the NumPy program "
                   "scales every hidden unit's incoming weights back to norm 1.0 after the update",
         expected=("max-norm", "max norm", "maxnorm", "renorm", "constraint", "before optimizer.step",
                   "before the step", "after the step", "after optimizer.step", "unconstrained",
                   "not constrained", "norm of at most", "row norm", "no-op", "before the update",
                   "after the update")),
    dict(id="PH06_groupnorm_regressor", side="port",
         args=pair("06_groupnorm_regressor_numpy.py", "GroupNormRegressor", "06_groupnorm_regressor_torch.py",
                   "GroupNormRegressor", "--data", CURVE,
                   *params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['gain']=norm.weight",
                           "params['shift']=norm.bias", "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")),
         mechanism="pair: the port builds nn.GroupNorm(GROUP_SIZE, hidden) = nn.GroupNorm(4, 12), but the first argument "
                   "is num_groups: 4 groups of 3 units are normalised where the NumPy program normalises 3 groups of 4 "
                   "(nn.GroupNorm(GROUPS, hidden) meant); the gain and shift are per unit on both sides",
         expected=("groupnorm", "group norm", "num_groups", "number of groups", "group size", "groups of",
                   "4 groups", "3 groups", "argument order", "first argument", "channels per group",
                   "num_channels", "groups of 3", "groups of 4")),
    dict(id="PH07_mixup_port", side="port",
         args=port("07_mixup_port.py", "Net", "--data", "random:40,5", "--hidden-activation", "tanh",
                   "--loss", "bce", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.3"),
         mechanism="mixup switched off with ALPHA = 0 (lam = 1) but the mixing weights are swapped, lam * X[perm] + (1 - "
                   "lam) * X: with lam = 1 every row's input is replaced by the permuted row's X[perm] while the loss "
                   "keeps the row's own target y (lam * loss(out, y)), so each row trains on another row's input; the "
                   "NumPy network has no mixup",
         expected=("mixup", "mix-up", "x[perm]", "permut", "shuffled inputs", "inputs permuted", "another row",
                   "wrong row", "mismatched", "misaligned", "weights swapped", "coefficients swapped",
                   "lam * x[perm]", "rows of x", "interpolat")),
    dict(id="PH08_hooked_decay_port", side="port",
         args=port("08_hooked_decay_port.py", "Net", *OPT, "--data", "random:40,5", "--hidden-activation", "tanh",
                   "--loss", "bce", "--optimizer", "adam", "--lr", "0.01", "--weight-decay", "0.05"),
         mechanism="the port's weight-decay hooks are lambdas created in a loop, lambda grad: grad + WEIGHT_DECAY * "
                   "p.detach(), without binding p: Python's late binding makes every hook read the loop's last p, the "
                   "output bias (shape (1,), broadcast), so every parameter's decay term is 0.05 * out.bias instead of "
                   "0.05 * its own value (lambda grad, p=p: ... meant); right for out.bias only",
         expected=("late binding", "late-binding", "closure", "loop variable", "p=p", "default argument",
                   "last parameter", "output bias", "register_hook", "hook", "decay term", "same parameter",
                   "every hook", "captured", "captures")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PH09_batchnorm_classifier", side="numpy",
         args=pair("09_batchnorm_classifier_numpy.py", "BatchNormClassifier", "09_batchnorm_classifier_torch.py",
                   "BatchNormClassifier", "--data", BINARY,
                   *params("params['W1']=fc1.weight.T", "params['gamma']=bn.weight",
                           "params['beta']=bn.bias", "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")),
         mechanism="pair: the step-by-step batch-norm backward writes the variance gradient with (var + eps) ** 1.5 "
                   "instead of (var + eps) ** -1.5 (the exponent's minus sign lost): the path through the batch variance "
                   "is scaled by (var + eps)^3, so the gradient reaching z and W1 is wrong; gamma, beta, W2 and b2 are "
                   "right",
         expected=("exponent", "-1.5", "** 1.5", "**1.5", "sign of the exponent", "exponent sign", "dvar",
                   "variance gradient", "variance path", "through the variance", "(var + eps)",
                   "batch norm backward", "batchnorm backward", "batch-norm backward")),
    dict(id="PH10_weightnorm_classifier", side="numpy",
         args=pair("10_weightnorm_classifier_numpy.py", "WeightNormClassifier", "10_weightnorm_classifier_torch.py",
                   "WeightNormClassifier", "--data", BLOBS,
                   *params("params['v']=fc1.parametrizations.weight.original1.T",
                           "params['g']=fc1.parametrizations.weight.original0.T", "params['b1']=fc1.bias",
                           "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")),
         mechanism="pair: the weight-norm backward takes the direction's gradient as dv = g / ||v|| dL/dw and drops the "
                   "projection term - g (dL/dg) / ||v||^2 v, as if ||v|| were a constant: v gets the un-projected "
                   "gradient (its component along v is wrong), while g, b1, W2 and b2 are right (torch's weight_norm "
                   "parametrization differentiates the norm)",
         expected=("weight norm", "weight normalisation", "weight normalization", "weight_norm", "weight-norm",
                   "projection", "norm treated as constant", "constant norm", "||v||", "original1",
                   "component along v", "salimans", "gradient of v", "v gradient", "orthogonal")),
    dict(id="PH11_centralised_classifier", side="numpy",
         args=pair("11_centralised_classifier_numpy.py", "CentralisedClassifier", "11_centralised_classifier_torch.py",
                   "CentralisedClassifier", "--data", BLOBS, "--batch-size", "16", *params(*DENSE2)),
         mechanism="pair: gradient centralisation on the (in, out) weight gradients subtracts grad.mean(axis=1), the "
                   "mean over each input's outgoing gradients (across the output units), instead of axis=0, each output "
                   "unit's mean over its incoming weights (torch's (out, in) dim=1 copied to the transposed layout): W1 "
                   "and W2 are centralised along the wrong axis; the biases are right",
         expected=("gradient centralisation", "gradient centralization", "centralis", "centraliz", "axis=1",
                   "axis=0", "wrong axis", "(in, out)", "(out, in)", "subtract the mean", "zero mean",
                   "mean over the inputs", "mean over the outputs", "transposed layout", "fan-in")),
    dict(id="PH12_dropout_regressor", side="numpy",
         args=pair("12_dropout_regressor_numpy.py", "DropoutRegressor", "12_dropout_regressor_torch.py",
                   "DropoutRegressor", "--data", CURVE,
                   *params("W[0]=fc1.weight.T", "b[0]=fc1.bias", "W[1]=fc2.weight.T", "b[1]=fc2.bias",
                           "W[2]=fc3.weight.T", "b[2]=fc3.bias")),
         mechanism="pair: inverted dropout scales the kept units by 1 / KEEP_PROB in the forward pass, but the backward "
                   "pass multiplies by the mask alone, dropping the 1 / KEEP_PROB: the gradient reaching the first "
                   "hidden layer (W1, b1) is KEEP_PROB = 0.8 times what it should be; the other layers are right",
         expected=("inverted dropout", "keep_prob", "1 / keep", "/ keep_prob", "1/keep", "keep probability",
                   "dropout scaling", "dropout scale", "missing factor", "mask without", "0.8 times",
                   "factor 0.8", "factor of 0.8", "1.25")),
    dict(id="PH13_smoothed_classifier", side="numpy",
         args=pair("13_smoothed_classifier_numpy.py", "SmoothedClassifier", "13_smoothed_classifier_torch.py",
                   "SmoothedClassifier", "--data", BLOBS, "--batch-size", "12",
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: hand-written label smoothing adds SMOOTHING to every class instead of SMOOTHING / K: targets "
                   "0.9 y + 0.1 (1.0 on the true class, 0.1 on the others, summing to 1.2) instead of 0.9 y + 0.0333 as "
                   "F.cross_entropy(label_smoothing=0.1) smooths; every class's logit gradient is off by -(0.1 - 0.1 / "
                   "3) / n",
         expected=("label smoothing", "label_smoothing", "/ k", "divided by k", "number of classes",
                   "sum to 1.2", "do not sum to one", "not normalised", "not normalized", "smoothed targets",
                   "soft targets", "0.1 / 3", "0.0333", "smoothing / k")),
    dict(id="PH14_mixup_classifier", side="numpy",
         args=pair("14_mixup_classifier_numpy.py", "MixupClassifier", "14_mixup_classifier_torch.py",
                   "MixupClassifier", "--data", BLOBS, *params(*DENSE2)),
         mechanism="pair: mixup mixes the inputs, 0.7 x + 0.3 x[perm], but the targets are written LAM * y + (1 - LAM) * "
                   "y, the permutation forgotten: the mixed targets equal y, so each mixed input is trained against its "
                   "own row's label alone instead of 0.7 y + 0.3 y[perm] (the port mixes the two losses)",
         expected=("mixup", "mix-up", "y[perm]", "permutation", "permuted", "mixed targets", "targets not mixed",
                   "unmixed", "label mixing", "mixing the targets", "targets are not mixed", "interpolat",
                   "mixed labels", "y_mix")),
    dict(id="PH15_regularised_softmax_net", side="numpy",
         args=numpy_net("15_regularised_softmax_net.py", "RegularisedSoftmaxNet", "--init", "RegularisedSoftmaxNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:48,6,3", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "adam", "--lr", "0.01",
                        "--weight-decay", "0.01"),
         mechanism="the regularisation helper penalty_grad(w, lam, kind='l1') is called without kind='l2', so its "
                   "default L1 branch adds 0.01 * sign(w) (the lasso's gradient) to every gradient before Adam's moments "
                   "instead of the L2 term 0.01 * w of torch.optim.Adam(weight_decay=0.01)",
         expected=("l1 penalty", "l1 instead of l2", "l1 term", "l1 regular", "lasso", "ridge", "sign(w)",
                   "np.sign", "kind=", "default argument", "absolute value", "|w|", "penalty_grad",
                   "sign of the weights", "sign of the parameter")),
    dict(id="PH16_weight_decay_logistic_net", side="numpy",
         args=numpy_net("16_weight_decay_logistic_net.py", "WeightDecayLogisticNet", "--init",
                        "WeightDecayLogisticNet()", "--step", "net.train_step(X, y)", "--data", "random:40,5",
                        "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01",
                        "--weight-decay", "0.05"),
         mechanism="Adam's L2 term is added to the gradient as lr * weight_decay * w (the learning rate of SGD's decay "
                   "step mixed in) instead of weight_decay * w: with lr = 0.01 the decay term is 5e-4 w instead of 0.05 "
                   "w, 100 times too weak, in every parameter",
         expected=("weight decay", "weight_decay", "lr *", "lr * weight_decay", "times the learning rate",
                   "multiplied by the learning rate", "too weak", "100 times", "decay term", "decay multiplied",
                   "weaker decay", "lr * wd", "scaled by lr", "1/lr")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PHC1_weightnorm_elastic_pair", side="correct",
         args=pair("correct_01_weightnorm_elastic_numpy.py", "ElasticWeightNormNet",
                   "correct_01_weightnorm_elastic_torch.py", "ElasticWeightNormNet", "--data", BINARY,
                   *params("params['v']=fc1.parametrizations.weight.original1.T",
                           "params['g']=fc1.parametrizations.weight.original0.T", "params['b1']=fc1.bias",
                           "params['W2']=fc2.weight.T", "params['b2']=fc2.bias", "params['W3']=fc3.weight.T",
                           "params['b3']=fc3.bias")),
         mechanism="pair: the first layer through torch.nn.utils.parametrizations.weight_norm against w = g v / ||v|| "
                   "with the projected direction gradient written from W1, an elastic net on the two dense weights only "
                   "(NumPy: L1 sign in self.grads and L2 added in the update; torch: L1 in the loss and weight_decay in "
                   "a parameter group), a max-norm constraint with torch.renorm on fc2's rows after the step (NumPy: "
                   "W2's columns), np.einsum for g's gradient, heavy-ball momentum",
         expected=()),
    dict(id="PHC2_hooked_decay_port", side="correct",
         args=port("correct_02_hooked_decay_port.py", "Net", *OPT, "--data", "random:48,6,3",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--lr", "0.01", "--weight-decay", "0.01"),
         mechanism="port: Adam's L2 weight decay through per-parameter gradient hooks bound correctly (lambda grad, p=p: "
                   "grad + wd * p.detach()), with the training script's switches set off: mixup with ALPHA = 0 (lam = 1, "
                   "written lam * x + (1 - lam) * x[perm]), nn.Dropout(p=0.0), F.cross_entropy(label_smoothing=0.0); the "
                   "kit's NumPy network with --weight-decay",
         expected=()),
    dict(id="PHC3_layernorm_dropout_pair", side="correct",
         args=pair("correct_03_layernorm_dropout_numpy.py", "NormDropNet", "correct_03_layernorm_dropout_torch.py",
                   "NormDropNet", "--data", BLOBS, "--batch-size", "16",
                   *params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['gain']=norm.weight",
                           "params['shift']=norm.bias", "params['W2']=fc2.weight.T", "params['b2']=fc2.bias")),
         mechanism="pair: a layer norm written with np.einsum row sums against nn.GroupNorm(1, 12) (one group: the same "
                   "as a layer norm with a per-unit gain and shift), a seeded fixed dropout mask (NumPy: a precomputed "
                   "mask / KEEP; torch: torch.where(keep, h / KEEP, 0)), label smoothing by hand against "
                   "F.cross_entropy(label_smoothing=0.1), Adam in the interpolation form m += (1 - beta)(g - m), mini-batches",
         expected=()),
]
