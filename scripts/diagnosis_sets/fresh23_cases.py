"""Twenty-third fresh held-out set for the diagnosis: one planted bug per program in fresh23/
(eight PyTorch ports, five of them checked against a NumPy program of their own and three
against the kit's NumPy network; eight NumPy programs, two of them checked against a correct
port of their own and six against the kit's torch twin) and three correct programs in unusual
styles. The theme is the everyday two-layer networks people port first (a sigmoid or tanh
hidden layer; MSE, binary or softmax cross-entropy; SGD, momentum, Adam, RMSprop, Adagrad),
written in the styles of popular tutorials, textbooks and blog posts (the cs231n assignments,
"Deep Learning from Scratch", the deep learning specialisation's notebooks, Brownlee's and
Zhou's from-scratch networks). Port bugs are misuses of torch (optimizer and scheduler
arguments, clipping, .data, a loss-side stabilisation trick); NumPy bugs sit in the hand-written
backward pass and update (chain-rule and copy-paste slips, a missing 1/N, optimizer state and
bias corrections, argument order). fresh23/make_data.py writes the data. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh23_cases

Each case:
    id          short name (prefixed O)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh22/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh23/"
port, numpy_net = in_folder(F)

THREE_CLASS, MOONS, CURVES = F + "three_class.npz", F + "moons.npz", F + "curves.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


def dict_params(prefix: str, *modules: str) -> list[str]:
    """params['W1']=fc1.weight.T, params['b1']=fc1.bias, ... for a NumPy dict of W1, b1, W2, b2."""
    out = []
    for k, module in enumerate(modules, start=1):
        out += [f"{prefix}['W{k}']={module}.weight.T", f"{prefix}['b{k}']={module}.bias"]
    return params(*out)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="O01_cluster_classifier_pair", side="port",
         args=pair("01_cluster_classifier_numpy.py", "TwoLayerNet", "01_cluster_classifier_torch.py", "TwoLayerNet",
                   "--data", THREE_CLASS, *dict_params("params", "fc1", "fc2")),
         mechanism="pair: the cs231n rmsprop decay_rate (0.99) is passed to torch.optim.RMSprop as momentum=DECAY_RATE "
                   "instead of alpha=DECAY_RATE (torch's name for the squared-gradient average's decay; alpha's default "
                   "0.99 happens to equal it): the port adds a momentum buffer, buf = 0.99 buf + g / (sqrt(v) + eps), "
                   "p -= lr buf, where the NumPy program steps lr g / (sqrt(v) + eps) (equal on step 1)",
         expected=("momentum=", "momentum buffer", "rmsprop momentum", "momentum 0.99", "alpha=", "alpha",
                   "decay_rate", "decay rate", "smoothing constant", "rho", "buf = 0.99", "0.99 buf",
                   "velocity", "accumulat", "wrong argument", "wrong keyword", "argument name")),
    dict(id="O02_moons_layers_pair", side="port",
         args=pair("02_moons_layers_numpy.py", "TwoLayerNet", "02_moons_layers_torch.py", "TwoLayerNet",
                   "--data", MOONS, *params("params['W1']=net.0.weight.T", "params['b1']=net.0.bias",
                                            "params['W2']=net.2.weight.T", "params['b2']=net.2.bias")),
         mechanism="pair: the port builds torch.optim.Adagrad(initial_accumulator_value=0.1) (Keras's default) where "
                   "the NumPy program's AdaGrad starts its sum of squared gradients h at zero: every step divides by "
                   "sqrt(0.1 + sum g^2) instead of sqrt(sum g^2), so the early steps are far smaller than the NumPy "
                   "program's lr sign(g)-sized first step",
         expected=("initial_accumulator_value", "initial accumulator", "accumulator", "starts at 0.1", "start at 0.1",
                   "initialised to 0.1", "initialized to 0.1", "0.1 +", "+ 0.1", "state_sum", "sum of squared",
                   "squared gradients", "keras", "adagrad", "h starts", "from zero", "non-zero start")),
    dict(id="O03_binary_momentum_pair", side="port",
         args=pair("03_binary_momentum_numpy.py", "MomentumClassifier", "03_binary_momentum_torch.py",
                   "MomentumClassifier", "--data", "random:40,6",
                   *params("W1=hidden.weight.T", "b1=hidden.bias", "W2=output.weight.T", "b2=output.bias")),
         mechanism="pair: the port clips with nn.utils.clip_grad_value_(params, MAX_NORM) (autocomplete's neighbour) "
                   "where the NumPy program rescales all gradients to a global L2 norm of at most MAX_NORM = 1 "
                   "(clip_grad_norm_): each element is clamped to [-1, 1] separately instead of one common scale, so "
                   "the port's summed-BCE gradients stay far larger than the NumPy program's",
         expected=("clip_grad_value", "clip by value", "clipping by value", "value clipping", "clamp", "clamped",
                   "element-wise", "elementwise", "per element", "each element", "clip_grad_norm", "global norm",
                   "l2 norm", "norm clipping", "clip by norm", "rescal", "common scale", "one scale")),
    dict(id="O04_curve_fitter_pair", side="port",
         args=pair("04_curve_fitter_numpy.py", "CurveFitter", "04_curve_fitter_torch.py", "CurveFitter",
                   "--data", CURVES, *params("weights[0]=fc1.weight.T", "biases[0]=fc1.bias",
                                             "weights[1]=fc2.weight.T", "biases[1]=fc2.bias")),
         mechanism="pair: the LambdaLR's lambda returns the learning rate itself, LR0 * DECAY ** t, where LambdaLR "
                   "multiplies the optimizer's initial rate by the lambda's value (a factor, DECAY ** t): the port's "
                   "rate is LR0^2 DECAY^t = 0.5 times the NumPy program's LR0 DECAY^t at every step",
         expected=("lambdalr", "lambda", "lr_lambda", "factor", "multiplier", "multiplies", "multiplicative",
                   "lr0 * lr0", "lr0^2", "lr0²", "lr0 ** 2", "squared", "lr^2", "lr²", "lr ** 2", "0.25",
                   "half", "0.5 times", "initial rate", "base lr", "base_lr", "learning rate twice",
                   "scheduler")),
    dict(id="O05_regularised_logistic_port", side="port",
         args=port("05_regularised_logistic_port.py", "Net", *OPT, "--data", "random:40,5",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01",
                   "--weight-decay", "0.05"),
         mechanism="the port's L2 penalty 0.5 * WEIGHT_DECAY * sum(p^2) is built from p.data: .data carries no "
                   "autograd history, so the penalty adds to the loss's value but nothing to any gradient; Adam sees "
                   "the bare gradient g where the NumPy network's Adam sees g + WEIGHT_DECAY * p (no weight decay in "
                   "the port)",
         expected=(".data", "p.data", "detach", "no gradient", "no grad", "without gradient", "not differentiated",
                   "outside the graph", "autograd", "penalty", "l2", "weight decay", "weight_decay", "decay missing",
                   "missing decay", "no weight decay", "wd * p", "weight_decay * p", "0.05 * p")),
    dict(id="O06_sigmoid_classifier_port", side="port",
         args=port("06_sigmoid_classifier_port.py", "Net", *OPT, "--data", "random:40,4", "--loss", "bce",
                   "--lr", "0.5"),
         mechanism="ReduceLROnPlateau built with mode='max' (copied from an accuracy monitor) and stepped with the "
                   "training loss: a falling loss counts as no improvement, so after patience = 2 further steps the "
                   "rate is halved (step 5 on: lr / 2, then lr / 4 three steps later, ...), where mode='min' never "
                   "fires while the loss falls and the NumPy network keeps a constant rate",
         expected=("reducelronplateau", "plateau", "mode='max'", "mode=\"max\"", "mode max", "max mode",
                   "maximi", "mode='min'", "patience", "halved", "halves", "factor 0.5", "0.5 times",
                   "half the learning rate", "learning rate cut", "learning rate reduced", "lr reduced",
                   "learning rate halved", "schedule", "scheduler", "from step 5")),
    dict(id="O07_moons_net_pair", side="port",
         args=pair("07_moons_net_numpy.py", "MoonsNet", "07_moons_net_torch.py", "MoonsNet", "--data", MOONS,
                   *params("W_hidden=hidden.weight.T", "b_hidden=hidden.bias", "W_out=out.weight.T",
                           "b_out=out.bias")),
         mechanism="pair: torch.optim.RMSprop(centered=True) (a setting from RL recipes) where the NumPy program runs "
                   "Hinton's plain RMSprop: the centred variant also averages the gradient, m = 0.9 m + 0.1 g, and "
                   "divides by sqrt(E[g^2] - m^2) + eps instead of sqrt(E[g^2]) + eps (the variance, not the raw "
                   "second moment): the first step is lr g / sqrt(0.1 g^2 - 0.01 g^2) = 1.054 times the NumPy "
                   "program's",
         expected=("centered", "centred", "grad_avg", "mean of the gradient", "average of the gradient",
                   "gradient average", "minus the squared mean", "- m^2", "- m²", "- m ** 2", "variance",
                   "e[g^2] - ", "e[g²] - ", "1.054", "sqrt(0.09", "sqrt(0.9")),
    dict(id="O08_tanh_classifier_port", side="port",
         args=port("08_tanh_classifier_port.py", "Net", "--data", "random:40,6", "--hidden-activation", "tanh",
                   "--loss", "bce", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="the softmax habit of subtracting the max for stability carried onto the sigmoid output: forward "
                   "returns sigmoid(z - z.max()), every logit shifted down by the batch's largest logit (a scalar, "
                   "differentiated through to the argmax row); unlike softmax, the sigmoid is not shift-invariant, "
                   "so every probability and the BCE gradient change",
         expected=("z - z.max()", "z.max()", "max subtract", "subtracting the max", "subtracts the max",
                   "minus the max", "max shift", "shifted", "shift", "stabilis", "stabiliz", "largest logit",
                   "batch max", "maximum logit", "not shift-invariant", "shift invariant", "shift-invariant",
                   "softmax trick", "logit offset", "offset")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="O09_curve_regressor_pair", side="numpy",
         args=pair("09_curve_regressor_numpy.py", "CurveRegressor", "09_curve_regressor_torch.py", "CurveRegressor",
                   "--data", CURVES, *dict_params("params", "fc1", "fc2")),
         mechanism="pair: RMSprop's running average in its incremental form lost its '- E[g^2]': Eg2 += (1 - gamma) "
                   "g^2 instead of Eg2 += (1 - gamma)(g^2 - Eg2), so the average never decays and keeps growing like "
                   "AdaGrad's sum (0.1 times it); equal on step 1, then 0.1 (g1^2 + g2^2) against 0.09 g1^2 + "
                   "0.1 g2^2, the steps shrinking ever more than torch's RMSprop(alpha=0.9)",
         expected=("never decays", "no decay", "not decayed", "without decay", "decay missing", "missing decay",
                   "forgets nothing", "- eg2", "- e[g^2]", "- e[g²]", "incremental", "moving average",
                   "running average", "accumulat", "sum of squared", "adagrad", "(1 - gamma) * (g", "(1 - gamma)(g",
                   "square_avg", "squared gradient", "grows")),
    dict(id="O10_cluster_momentum_pair", side="numpy",
         args=pair("10_cluster_momentum_numpy.py", "ClusterNet", "10_cluster_momentum_torch.py", "ClusterNet",
                   "--data", THREE_CLASS, *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the global gradient norm for clipping is typed sqrt(sum(np.sum(g) ** 2)), the square of each "
                   "tensor's element sum, instead of sqrt(sum(np.sum(g ** 2))), the sum of the squared elements "
                   "(parenthesis misplaced): the norm is wrong (positive and negative entries cancel), so the "
                   "gradients are clipped by a different factor, or not at all, where torch's clip_grad_norm_ "
                   "rescales them to norm 2",
         expected=("np.sum(g) ** 2", "sum(g) ** 2", "sum(g)^2", "sum(g)²", "square of the sum", "squared sum",
                   "sum of the elements", "sum of squares", "sum of squared", "np.sum(g ** 2)", "parenthes",
                   "bracket", "global norm", "gradient norm", "l2 norm", "clip", "cancel", "norm is wrong",
                   "wrong norm")),
    dict(id="O11_adam_logistic", side="numpy",
         args=numpy_net("11_adam_logistic.py", "AdamLogistic", "--init", "AdamLogistic()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,5", "--hidden-activation", "tanh",
                        "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's first-moment bias correction multiplies instead of dividing, m_hat = m * (1 - beta1^t) "
                   "instead of m / (1 - beta1^t): the first step is (1 - beta1)^2 = 0.01 of Adam's, and the "
                   "ratio (1 - beta1^t)^2 climbs towards 1 (0.036 on step 2, 0.77 by step 20)",
         expected=("multipl", "instead of divid", "* (1 - beta1", "*(1 - beta1", "* (1-beta1", "times (1 - beta1",
                   "times (1 - β1", "(1 - beta1^t)^2", "(1 - β1^t)^2", "(1 - beta1 ** t) ** 2", "(1-β1^t)²",
                   "bias correction", "bias-correction", "m_hat", "first moment", "first-moment", "0.01 of",
                   "1/100", "100 times smaller", "factor 0.01")),
    dict(id="O12_regularised_softmax", side="numpy",
         args=numpy_net("12_regularised_softmax.py", "RegularisedSoftmax", "--init", "RegularisedSoftmax()",
                        "--step", "net.train_step(X, y)", "--data", "random:45,5,3",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "adam", "--lr", "0.02",
                        "--weight-decay", "0.05"),
         mechanism="the L2-regularised gradient g_reg = g + WEIGHT_DECAY * w feeds Adam's first moment, but the second "
                   "moment accumulates the bare g^2 (the variable not switched): v = beta2 v + (1 - beta2) g^2 instead "
                   "of (1 - beta2) g_reg^2, so the denominator lacks the decay term torch's Adam(weight_decay) puts "
                   "in it",
         expected=("second moment", "second-moment", "exp_avg_sq", "v uses", "v is", "squared gradient",
                   "g ** 2", "g^2", "g²", "bare gradient", "raw gradient", "unregularised", "unregularized",
                   "without the decay", "without weight decay", "weight decay missing", "g_reg", "g + wd",
                   "g + weight_decay", "first moment only", "only in the first", "only the first moment")),
    dict(id="O13_planar_classifier", side="numpy",
         args=numpy_net("13_planar_classifier.py", "PlanarClassifier", "--init", "PlanarClassifier(X.T, y.T)",
                        "--step", "net.train_step(X.T, y.T)", "--data", MOONS, "--hidden-activation", "tanh",
                        "--loss", "bce", "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="update_parameters_with_momentum(parameters, grads, v, beta, learning_rate) is called with "
                   "(..., self.learning_rate, self.beta): positional arguments swapped, so beta = 0.5 and the "
                   "learning rate 0.9: v = 0.5 v + 0.5 dW, W -= 0.9 v; the first step 0.45 dW instead of 0.05 dW "
                   "(9 times the EMA momentum's), and a shorter memory after",
         expected=("swapped", "swap", "exchanged", "interchanged", "argument order", "order of the arguments",
                   "positional", "beta and learning_rate", "beta and the learning rate", "learning rate and beta",
                   "learning_rate and beta", "beta = 0.5", "beta=0.5", "lr = 0.9", "lr=0.9", "learning rate 0.9",
                   "0.45", "9 times", "9x", "×9", "factor 9")),
    dict(id="O14_row_network", side="numpy",
         args=numpy_net("14_row_network.py", "RowNetwork", "--data", "random:24,3", "--batch-size", "1",
                        "--loss", "half-sse", "--lr", "0.5"),
         mechanism="Brownlee-style update_weights takes inputs = row, the row with its class label still appended, "
                   "instead of row[:-1]: the first layer's loop over the inputs runs one index too far, onto the "
                   "bias's slot, so each hidden bias also steps by lr * delta * label (on top of lr * delta): b1's "
                   "step is (1 + y) lr delta, doubled on y = 1 rows; the weights and the output layer are right",
         expected=("row[:-1]", "label", "target appended", "class label", "last column", "last element",
                   "one index too far", "off by one", "off-by-one", "bias slot", "weights[-1]", "hidden bias",
                   "first layer's bias", "b1", "(1 + y)", "1 + y", "delta * y", "δ·y", "doubled", "twice",
                   "extra step")),
    dict(id="O15_two_neuron_network", side="numpy",
         args=numpy_net("15_two_neuron_network.py", "ZhouNetwork", "--data", "random:24,2", "--batch-size", "1",
                        "--loss", "mse", "--lr", "0.1"),
         mechanism="copy-paste slip in the neuron-by-neuron update: w3 (input x0 to hidden neuron h2) is updated "
                   "with d_ypred_d_h1 = w5 sigmoid'(sum_o1), the path through h1, instead of d_ypred_d_h2 = "
                   "w6 sigmoid'(sum_o1): W1[0, 1]'s gradient carries w5 where w6 belongs (off by the ratio w5 / w6); "
                   "every other weight and bias is right",
         expected=("copy-paste", "copy paste", "copy and paste", "d_ypred_d_h1", "d_ypred_d_h2", "w5", "w6",
                   "wrong neuron", "wrong hidden", "other neuron", "through h1", "via h1", "h1 instead of h2",
                   "w3", "w1[0, 1]", "w1[0,1]", "single weight", "one weight", "w5 / w6", "w5/w6", "chain rule")),
    dict(id="O16_scores_classifier", side="numpy",
         args=numpy_net("16_scores_classifier.py", "ScoresClassifier", "--init", "ScoresClassifier()",
                        "--step", "net.train_step(X, y)", "--data", "random:36,4,3", "--batch-size", "12",
                        "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.5"),
         mechanism="the 1/N of the mean is applied inline to the output layer's gradients (W2, b2) but not to dhidden, "
                   "which is back-propagated from the undivided dscores = p - y: W1's and b1's gradients are the sums "
                   "over the batch, N = 12 times the mean cross-entropy's; W2 and b2 are right",
         expected=("1/n", "1 / n", "/ n", "/n", "divided by n", "divide by n", "not divided", "undivided",
                   "batch size", "12 times", "12x", "×12", "factor 12", "n times", "sum instead of mean",
                   "summed over the batch", "sum over the batch", "mean", "dhidden", "hidden layer's gradients",
                   "first layer")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="O17_correct_lookahead_softmax", side="correct",
         args=numpy_net("correct_01_lookahead_softmax.py", "LookaheadSoftmax", "--init", "LookaheadSoftmax()",
                        "--step", "net.train_step(X, y)", *params("layers[0][0]=W1", "layers[0][1]=b1",
                                                                   "layers[1][0]=W2", "layers[1][1]=b2"),
                        "--data", "random:45,4,3", "--hidden-activation", "tanh",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "nesterov",
                        "--momentum", "0.9", "--lr", "0.1"),
         mechanism="NumPy: Nesterov momentum in the cs231n form (v = mu v - lr dw; w += -mu v_prev + (1 + mu) v), "
                   "which equals torch's SGD(nesterov=True) with v = -lr buf; parameters as [W, b] lists per layer "
                   "updated in place; tanh derivative as (1 - h)(1 + h); log-softmax by hand", expected=()),
    dict(id="O18_correct_addmm_port", side="correct",
         args=port("correct_02_addmm_port.py", "Net", "--torch-param", "W1=W1", "--torch-param", "b1=b1",
                   "--torch-param", "W2=W2", "--torch-param", "b2=b2", "--data", "random:40,5",
                   "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="port: raw (in, out) nn.Parameters with torch.addmm, the mean BCE from the logit as "
                   "softplus(-z) + (1 - y) z, gradients from torch.autograd.grad assigned to .grad (no zero_grad "
                   "needed); the kit's Adam", expected=()),
    dict(id="O19_correct_moons_pair", side="correct",
         args=pair("correct_03_moons_numpy.py", "MoonsClassifier", "correct_03_moons_torch.py", "MoonsClassifier",
                   "--data", MOONS, *params("w1=hidden.weight.T", "c1=hidden.bias", "w2=out.weight.T", "c2=out.bias")),
         mechanism="pair: RMSprop with its running average in the incremental form avg += (1 - rho)(g^2 - avg) and "
                   "sigmoid as 0.5 (1 + tanh(z / 2)), the BCE through np.logaddexp, against an nn.Sequential "
                   "subclass with BCE with logits and torch.optim.RMSprop(alpha=rho)", expected=()),
]
