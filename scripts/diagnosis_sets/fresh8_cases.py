"""Eighth fresh held-out set for the diagnosis: one planted bug per program in fresh8/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh8_cases

Each case:
    id          short name (prefixed Q)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules. The mechanisms differ from those of
the development set (cases.py), fresh/, fresh2/, ..., fresh7/. Each buggy program was checked
to fail (exit 1) and its fix (the bug the only difference) to pass (exit 0) under the same
arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh8/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="Q01_adam_lerp_weight_inverted", side="port",
         args=port("01_adam_lerp_weight_inverted.py", "Net", *OPT, "--data", "random:40,5",
                   "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "adam", "--lr", "0.005"),
         mechanism="hand-written Adam (a torch.optim.Optimizer subclass) updates the first moment with "
                   "exp_avg.lerp_(grad, beta1): lerp's weight is the new value's share, so m = (1 - beta1) m + "
                   "beta1 g, 0.9 on the new gradient instead of 0.1 (the second moment's lerp_(g*g, 1 - beta2) is "
                   "right); the first step is 9 times Adam's",
         expected=("lerp", "interpolation weight", "weight inverted", "weights inverted", "weights swapped",
                   "beta1 and 1 - beta1", "1 - beta1", "1 - β1", "(1 - b1)", "1-beta1", "1-β1", "first moment",
                   "m_hat", "9 times", "9x", "×9", "x9", "factor 9", "factor of 9", "0.9 on the new",
                   "beta1 on the gradient", "β1 on the gradient", "beta1 applied to the gradient",
                   "β1 applied to the gradient", "decay of m", "m decays")),
    dict(id="Q02_cross_entropy_in_bits", side="port",
         args=port("02_cross_entropy_in_bits.py", "Classifier", "--data", "random:48,6,4",
                   "--hidden-activation", "sigmoid", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="hand-written cross-entropy copied from an information-theory helper takes torch.log2 of the "
                   "softmax probabilities (entropy in bits): the loss and every gradient are 1/ln 2 = 1.4427 "
                   "times the natural-log cross-entropy's",
         expected=("log2", "log base 2", "base-2", "base 2", "bits", "1.44", "1/ln 2", "1/ln(2)", "1 / ln 2",
                   "1/ln2", "ln 2", "ln(2)", "log(2)", "natural log", "natural logarithm", "wrong base",
                   "logarithm base", "log base", "0.693")),
    dict(id="Q03_softmax_l2_normalize", side="port",
         args=port("03_softmax_l2_normalize.py", "Net", "--data", "random:48,4,3", "--batch-size", "12",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="softmax written as F.normalize(torch.exp(z - max), dim=1) with the default p=2: the "
                   "exponentials are divided by their Euclidean (L2) norm instead of their sum, so the "
                   "'probabilities' do not sum to one; nll_loss on their log",
         expected=("normalize", "l2 norm", "l2-norm", "euclidean", "p=2", "p=1", "2-norm", "l1",
                   "instead of the sum", "instead of their sum", "not the sum", "sum to one", "sum to 1",
                   "don't sum", "do not sum", "does not sum", "doesn't sum", "normaliser", "normalizer",
                   "sum of squares", "square root of the sum")),
    dict(id="Q04_ema_weights_loaded", side="port",
         args=port("04_ema_weights_loaded.py", "Regressor", "--data", "random:36,5",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
                   "--lr", "0.1"),
         mechanism="train_step keeps an exponential moving average of the weights (decay 0.9, meant for "
                   "evaluation) and ends with model.load_state_dict(ema): the averaged weights overwrite the "
                   "trained ones, each step keeps 0.9 of the old average and 0.1 of the new weights (the first "
                   "update is a tenth of SGD's)",
         expected=("ema", "moving average of the weights", "moving-average weights", "moving average weights",
                   "exponential moving average", "averaged weights", "weight averaging", "averaged parameters",
                   "polyak", "load_state_dict", "swapped in", "copied back", "copy back", "overwrit", "shadow",
                   "0.1 of", "10%", "one tenth", "a tenth", "decay 0.9", "decay of 0.9")),
    dict(id="Q05_bias_from_wrong_layer", side="port",
         args=port("05_bias_from_wrong_layer.py", "TwoHidden", "--data", "random:40,3",
                   "--loss", "bce-sum", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="forward calls F.linear(h, self.fc2.weight, self.fc1.bias) (copy-paste): the second hidden "
                   "layer (7 -> 7) adds the first layer's bias; fc2.bias is never used (no gradient, never moves) "
                   "and fc1.bias is used by both layers",
         expected=("fc1.bias", "first layer's bias", "first hidden layer's bias", "bias of the first",
                   "b1 used", "b1 in place of b2", "b1 instead of b2", "instead of b2", "wrong bias",
                   "bias of the wrong", "other layer's bias", "b2 never", "b2 is never", "b2 unused",
                   "b2 not used", "b2 gets no", "b2 receives no", "b2 has no", "fc2.bias", "shared bias",
                   "bias shared", "shares", "copy-paste", "copy paste", "reused bias", "bias reused")),
    dict(id="Q06_optimizer_generator_exhausted", side="port",
         args=port("06_optimizer_generator_exhausted.py", "DeepNet", *OPT, "--data", "random:32,6",
                   "--hidden-activation", "relu", "--loss", "sse", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.01"),
         mechanism="hand-written heavy-ball optimizer stores self.params = params, the generator "
                   "model.parameters(), and step() iterates it: the first step updates every parameter, then "
                   "the generator is exhausted and no later step moves anything",
         expected=("generator", "exhausted", "consumed", "model.parameters()", "iterator", "list(",
                   "only the first step", "after the first step", "from step 2", "from the second step",
                   "after step 1", "stops updating", "no longer updated", "never updated after", "stops moving",
                   "no update after", "frozen after", "only once", "one-shot")),
    dict(id="Q07_stable_bce_missing_abs", side="port",
         args=port("07_stable_bce_missing_abs.py", "LogitNet", "--data", "random:48,6", "--batch-size", "16",
                   "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="hand-written 'stable' BCE with logits, z.clamp(min=0) - z y + log1p(exp(-z)), without the abs "
                   "in exp(-|z|): exact for positive logits, but every row with a negative logit gets an extra -z "
                   "(an extra gradient of -1/n on its logit)",
         expected=("abs", "|z|", "absolute value", "exp(-z)", "negative logit", "negative logits", "negative z",
                   "z < 0", "z<0", "negative score", "negative pre-activation", "negative output", "stable",
                   "log1p", "softplus", "max(z, 0)", "clamp(min=0)", "extra -z", "-z term", "extra term",
                   "logsumexp")),
    dict(id="Q08_microbatch_unequal_mean", side="port",
         args=port("08_microbatch_unequal_mean.py", "Net", "--data", "random:36,4,2",
                   "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "half-mse",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="train_step accumulates gradients over X.split(8) micro-batches, each mean loss divided by the "
                   "number of micro-batches (5): the 36 rows split 8, 8, 8, 8, 4, so the mean of the micro-batch "
                   "means weights the last 4 rows twice as much as the others (1/20 instead of 1/36, 1/40 for the "
                   "rest)",
         expected=("micro-batch", "microbatch", "micro batch", "chunk", "split", "accumulat", "unequal", "uneven",
                   "shorter", "smaller last", "last micro", "last chunk", "remainder", "4 rows", "twice as much",
                   "counted twice", "double weight", "weighted equally", "equal weight", "mean of means",
                   "mean of the means", "average of averages", "average of the averages", "per-chunk mean")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="Q09_hidden_cache_overwritten_inplace", side="numpy",
         args=numpy_net("09_hidden_cache_overwritten_inplace.py", "SigmoidNet", "--step", "net.train_step(X, y)",
                        "--data", "random:30,5", "--loss", "sse", "--optimizer", "nesterov",
                        "--momentum", "0.9", "--lr", "0.05"),
         mechanism="sigmoid derivative computed in place on an alias of the cached hidden activation "
                   "(sig_grad = self.h; sig_grad *= 1 - self.h): self.h now holds h (1 - h), and the output "
                   "weight's gradient computed afterwards, self.h.T @ d2, uses the derivative instead of the "
                   "activation",
         expected=("in place", "in-place", "inplace", "alias", "overwrit", "self.h", "h (1 - h)", "h(1-h)",
                   "h * (1 - h)", "h*(1-h)", "h(1 - h)", "derivative instead of the activation",
                   "derivative in place of", "no copy", "without a copy", ".copy()", "cached activation",
                   "corrupted", "modified")),
    dict(id="Q10_adam_v_from_m", side="numpy",
         args=numpy_net("10_adam_v_from_m.py", "TanhSoftmax", "--step", "net.fit_batch(X, y)",
                        "--param", "layers[0]['W']=W1", "--param", "layers[0]['b']=b1",
                        "--param", "layers[1]['W']=W2", "--param", "layers[1]['b']=b2",
                        "--param", "layers[2]['W']=W3", "--param", "layers[2]['b']=b3",
                        "--data", "random:40,4,3", "--batch-size", "10", "--shuffle",
                        "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce-sum",
                        "--optimizer", "adam", "--lr", "0.002"),
         mechanism="Adam's second moment accumulates the square of the (just updated) first moment, "
                   "v = beta2 v + (1 - beta2) m^2, instead of the squared gradient g^2: the first step is 10 "
                   "times Adam's",
         expected=("m ** 2", "m**2", "m * m", "m*m", "m²", "m^2", "square of m", "squared first moment",
                   "first moment squared", "square of the first moment", "instead of g", "instead of the gradient",
                   "g ** 2", "g**2", "g²", "g^2", "g * g", "v from m", "v uses m", "10 times", "10x", "×10",
                   "factor 10", "factor of 10")),
    dict(id="Q11_argmax_of_predictions", side="numpy",
         args=numpy_net("11_argmax_of_predictions.py", "SoftmaxNet", "--step", "net.step(X, y)",
                        "--data", "random:60,6,4", "--hidden-activation", "relu", "--output-activation", "softmax",
                        "--loss", "ce", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="cs231n-style softmax backward dscores[range(n), labels] -= 1 with labels = np.argmax(probs, "
                   "axis=1), the predicted classes, instead of np.argmax(y, axis=1): the gradient pushes every row "
                   "towards its own prediction (the loss is still computed against y)",
         expected=("predicted class", "predicted label", "own prediction", "argmax of the prob", "argmax(probs",
                   "instead of the label", "instead of the true", "true label", "true class", "target class",
                   "targets replaced", "self-training", "pseudo-label", "pseudo label", "argmax(y",
                   "most probable class", "most likely class")),
    dict(id="Q12_relu_mask_inverted", side="numpy",
         args=numpy_net("12_relu_mask_inverted.py", "Regressor", "--step", "net.train_batch(X, y)",
                        "--param", "layers[0].W=W1", "--param", "layers[0].b=b1",
                        "--param", "layers[2].W=W2", "--param", "layers[2].b=b2",
                        "--param", "layers[4].W=W3", "--param", "layers[4].b=b3",
                        "--data", "random:40,5", "--batch-size", "20", "--hidden-activation", "relu",
                        "--output-activation", "linear", "--loss", "half-mse", "--lr", "0.05"),
         mechanism="ReLU layer's backward zeroes the gradient where z > 0 instead of where z <= 0: the mask is "
                   "inverted, the gradient passes through the inactive units and is blocked at the active ones, "
                   "in both hidden layers",
         expected=("inverted", "reversed mask", "inverse mask", "opposite", "z > 0", "z <= 0", "z<=0", "z>0",
                   "active units", "inactive units", "positive units", "negative units", "dead units",
                   "complement", "1 - mask", "~mask", "not mask", "relu mask", "relu derivative",
                   "derivative of the relu", "relu backward", "flipped")),
    dict(id="Q13_momentum_mu_applied_twice", side="numpy",
         args=numpy_net("13_momentum_mu_applied_twice.py", "DeepTanh", "--step", "net.train(X, y)",
                        "--param", "weights[0]=W1", "--param", "biases[0]=b1",
                        "--param", "weights[1]=W2", "--param", "biases[1]=b2",
                        "--param", "weights[2]=W3", "--param", "biases[2]=b3",
                        "--param", "weights[3]=W4", "--param", "biases[3]=b4",
                        "--data", "random:32,3", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="heavy-ball velocity half converted to in-place updates: v *= mu, then v[...] = mu * v + g: the "
                   "old velocity is decayed twice, an effective momentum mu^2 = 0.81 (equal on step 1)",
         expected=("twice", "mu²", "mu^2", "mu**2", "mu ** 2", "μ²", "μ^2", "0.81", "squared momentum",
                   "momentum squared", "decayed twice", "decays twice", "double decay", "applied twice",
                   "multiplied twice", "extra decay", "v *= mu", "effective momentum")),
    dict(id="Q14_bias_grad_axis_units", side="numpy",
         args=numpy_net("14_bias_grad_axis_units.py", "TanhNet", "--step", "net.train_step(X, y)",
                        "--data", "random:40,4", "--batch-size", "8", "--hidden-activation", "tanh",
                        "--loss", "half-sse", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="hidden bias gradient d1.sum(axis=1), a sum over the hidden units for each row, instead of "
                   "d1.sum(axis=0) over the rows; the mini-batch of 8 rows equals the hidden width 8, so the "
                   "shapes agree and nothing fails",
         expected=("axis=1", "axis 1", "wrong axis", "over the units", "over the hidden units", "across units",
                   "across the units", "over the columns", "per row", "per-row", "instead of axis=0", "axis=0",
                   "over the rows", "batch size equals", "equal to the hidden width", "same size", "sum(axis")),
    dict(id="Q15_relu_masks_stale_list", side="numpy",
         args=numpy_net("15_relu_masks_stale_list.py", "MaskNet", "--step", "net.train_batch(X, y)",
                        "--param", "W[0]=W1", "--param", "b[0]=b1", "--param", "W[1]=W2", "--param", "b[1]=b2",
                        "--param", "W[2]=W3", "--param", "b[2]=b3",
                        "--data", "random:48,6,3", "--batch-size", "12", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "ema-momentum",
                        "--momentum", "0.9", "--lr", "0.2"),
         mechanism="forward appends each hidden layer's ReLU mask to self.masks, a list made in __init__ and "
                   "never cleared; backward reads self.masks[i], so every step back-propagates through the first "
                   "step's masks (right on step 1, stale after)",
         expected=("stale", "first step's", "first batch", "previous step", "old mask", "masks from", "cached mask",
                   "mask cache", "never cleared", "not cleared", "never reset", "not reset", "append", "grows",
                   "masks[0]", "masks[i]", "earlier step", "outdated", "out of date")),
    dict(id="Q16_sigmoid_deriv_uses_target", side="numpy",
         args=numpy_net("16_sigmoid_deriv_uses_target.py", "Net", "--step", "net.update(X, y)",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "mse", "--lr", "0.5"),
         mechanism="output sigmoid derivative typed out * (1 - y) instead of out * (1 - out): the target in the "
                   "derivative, so rows with y = 1 get no output gradient and rows with y = 0 get out^2",
         expected=("1 - y", "(1 - y)", "1-y", "y instead of", "target instead of", "the target in",
                   "target in the derivative", "typo", "out * (1 - out)", "o (1 - o)", "o(1-o)", "out(1 - out)",
                   "y for out", "rows with y = 1", "y = 1", "y=1", "positives")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="Q17_correct_port_soft_margin_ordereddict", side="correct",
         args=port("correct_01_port_soft_margin_ordereddict.py", "MarginNet", "--data", "random:40,5",
                   "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="port: nn.Sequential built from an OrderedDict, two ReLU hidden layers, forward returns the "
                   "logit, and the loss is F.soft_margin_loss(z, 2y - 1), the mean logistic loss on +/-1 labels, "
                   "which equals BCE with logits; the kit's Adam", expected=()),
    dict(id="Q18_correct_generator_per_sample_nesterov", side="correct",
         args=numpy_net("correct_02_generator_per_sample_nesterov.py", "PerSampleNet", "--step",
                        "net.train_step(X, y)", "--data", "random:30,3", "--hidden-activation", "tanh",
                        "--output-activation", "linear", "--loss", "half-mse", "--optimizer", "nesterov",
                        "--momentum", "0.9", "--lr", "0.05"),
         mechanism="NumPy: a generator yields each row's gradient dict, summed with functools.reduce, tanh hidden "
                   "layer, linear output, half MSE, Nesterov momentum in torch's form (v = mu v + g; "
                   "W -= lr (g + mu v))", expected=()),
    dict(id="Q19_correct_port_closure_addmm", side="correct",
         args=port("correct_03_port_closure_addmm.py", "RawSoftmax", *OPT,
                   "--torch-param", "w1=W1.T", "--torch-param", "c1=b1",
                   "--torch-param", "w2=W2.T", "--torch-param", "c2=b2",
                   "--data", "random:40,4,3", "--batch-size", "10", "--hidden-activation", "sigmoid",
                   "--output-activation", "softmax", "--loss", "ce-sum", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.02"),
         mechanism="port: raw (out, in) nn.Parameters through torch.addmm, summed cross-entropy as "
                   "-(y * log_softmax(z)).sum(), and a closure handed to optimizer.step(closure) that zeroes, "
                   "computes and back-propagates the loss (torch.optim.SGD with momentum from make_optimizer)",
         expected=()),
]
