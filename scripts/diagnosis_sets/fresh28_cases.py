"""Twenty-eighth fresh held-out set for the diagnosis: one planted bug per program in fresh28/
(eight PyTorch ports, six of them checked against a NumPy program of their own, and eight NumPy
programs, five of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is everyday two- and three-layer networks (regression and
classification with sigmoid, tanh, ReLU, leaky-ReLU, softplus, ELU, swish and hard-sigmoid
hidden layers) ported by people learning PyTorch, and NumPy programs written by people learning
backpropagation: optimizer variants (weight decay left off the biases, the learning rate inside
or outside the momentum buffer under a schedule, an Adam epsilon typed 10e-8), a half-precision
cast, per-layer learning rates through parameter groups, gradient clipping (called too late, its
coefficient inverted), loss and class weighting (weight= against pos_weight=, class weights
broadcast along the wrong axis), an L1 penalty, hand-written derivatives of the less common
activations (softplus, leaky ReLU, swish, hard sigmoid), a loop variable that shadows the
targets, and a count of examples taken with len() of a row vector.
fresh28/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh28_cases

Each case:
    id          short name (prefixed PB)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh26/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line, marked `# fix:`, the only difference) to pass
(exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh28/"
port, numpy_net = in_folder(F)

REGRESS, BINARY, THREE, CURVE = F + "regress.npz", F + "binary.npz", F + "three.npz", F + "curve.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PB01_adam_biases_excluded_from_decay", side="port",
         args=port("01_tanh_adam_port.py", "Net", *OPT, "--data", "random:40,5", "--hidden-activation", "tanh",
                   "--loss", "bce", "--optimizer", "adam", "--lr", "0.05", "--weight-decay", "0.01"),
         mechanism="make_optimizer copies the fine-tuning recipe's two parameter groups, NO_DECAY = ('bias', ...) at "
                   "weight_decay=0.0 and the rest at 0.01, where the NumPy network's Adam adds the L2 term 0.01 * theta "
                   "to every parameter's gradient, biases included: the port's biases get no weight decay (their "
                   "gradient lacks 0.01 * b before Adam's moments); the weights are right",
         expected=("no_decay", "no decay", "bias decay", "biases excluded", "excluded from weight decay",
                   "exclude", "not decayed", "without weight decay", "weight_decay=0", "weight decay 0",
                   "weight decay on the bias", "decay on the biases", "param group", "parameter group", "0.01 * b",
                   "wd * b")),
    dict(id="PB02_relu_regressor_float16_targets", side="port",
         args=port("02_relu_regressor_port.py", "Net", "--data", REGRESS, "--hidden-activation", "relu",
                   "--output-activation", "linear", "--loss", "mse", "--lr", "0.1"),
         mechanism="train_step converts the batch's targets with y.to(torch.float16) before the MSE (a leftover from a "
                   "data set stored in half precision): every target is rounded to an 11-bit significand (relative "
                   "error up to 2^-11 = 4.9e-4), so the residuals pred - y and every gradient carry the targets' "
                   "rounding; the model itself computes in float32",
         expected=("float16", "half precision", "half-precision", "torch.half", ".half()", "fp16", "target rounded", "targets rounded", "rounded to", "11-bit", "2^-11", "4.9e-4", "4.88e-4",
                   "dtype", "cast")),
    dict(id="PB03_decay_momentum_lr_in_buffer", side="port",
         args=pair("03_decay_momentum_numpy.py", "DecayMomentumNet", "03_decay_momentum_torch.py",
                   "DecayMomentumNet", "--data", CURVE,
                   *params("W1=hidden.weight.T", "b1=hidden.bias", "W2=out.weight.T", "b2=out.bias")),
         mechanism="pair: the port's hand-written heavy-ball optimizer folds the learning rate into the momentum "
                   "buffer, buf = mu buf + lr g; p -= buf, where the NumPy program (like torch.optim.SGD) keeps "
                   "buf = mu buf + g; p -= lr buf: the same while the rate is constant, but under the LambdaLR "
                   "inverse-time decay lr0 / (1 + 0.3 t) the old velocity keeps the earlier, larger rates (equal "
                   "update on step 1, where the buffers already differ by the factor lr)",
         expected=("folded", "fold", "into the buffer", "into the velocity", "into the momentum", "lr inside",
                   "learning rate inside", "mu buf + lr", "mu * buf + lr", "buf + lr * g", "lr * g",
                   "alpha=group['lr']", "before the learning rate", "after the learning rate", "sutskever",
                   "earlier learning rates", "earlier rates", "old learning rate", "momentum buffer",
                   "momentum_buffer")),
    dict(id="PB04_clip_after_step", side="port",
         args=pair("04_clipped_classifier_numpy.py", "ClippedClassifier", "04_clipped_classifier_torch.py",
                   "ClippedClassifier", "--data", BINARY,
                   *params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                           "params['b2']=fc2.bias")),
         mechanism="pair: the port calls nn.utils.clip_grad_norm_(max_norm=0.25) after optimizer.step() instead of "
                   "before it: the clipping rescales gradients that have already been applied (and are zeroed at the "
                   "next step), so the port steps with the unclipped gradients where the NumPy program rescales them "
                   "to a global L2 norm of at most 0.25",
         expected=("after optimizer.step", "after the step", "after step()", "before optimizer.step", "before the step",
                   "wrong order", "too late", "clip_grad_norm_", "clipping", "unclipped", "not clipped", "no effect",
                   "global norm", "max_norm", "gradient norm", "rescal")),
    dict(id="PB05_bce_weight_for_pos_weight", side="port",
         args=pair("05_imbalanced_logistic_numpy.py", "ImbalancedLogistic", "05_imbalanced_logistic_torch.py",
                   "ImbalancedLogistic", "--data", BINARY,
                   *params("W1=hidden.weight.T", "b1=hidden.bias", "W2=out.weight.T", "b2=out.bias")),
         mechanism="pair: the port passes the positive-class weight to F.binary_cross_entropy_with_logits as weight=3 "
                   "(a rescaling of every row's loss) instead of pos_weight=3 (the positive term only): the logit "
                   "gradient is 3 (p - y) / n instead of (3 y (p - 1) + (1 - y) p) / n, so the negative rows are "
                   "weighted up 3 times as well and the positives' and negatives' balance is lost",
         expected=("pos_weight", "weight=", "weight argument", "positive class", "positive term", "positive examples",
                   "positive rows", "negative rows", "negative examples", "negatives", "factor 3", "3 times", "three times", "class weight", "binary_cross_entropy_with_logits",
                   "bcewithlogits")),
    dict(id="PB06_param_group_learning_rate_key", side="port",
         args=pair("06_two_rate_regressor_numpy.py", "TwoRateRegressor", "06_two_rate_regressor_torch.py",
                   "TwoRateRegressor", "--data", CURVE,
                   *params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T",
                           "params['b2']=out.bias")),
         mechanism="pair: the output layer's parameter group is written {'params': ..., 'learning_rate': LR_OUT} "
                   "(Keras's name for the rate): torch.optim keeps the unknown key silently and gives the group the "
                   "optimizer's default lr = LR_HIDDEN = 0.05, so the output layer's weight and bias step 5 times "
                   "as far as the NumPy program's (rate 0.01); the hidden layer is right",
         expected=("learning_rate", "'lr'", "lr key", "unknown key", "ignored", "param group", "parameter group",
                   "param_groups", "default lr", "default learning rate", "per-layer", "per layer",
                   "output layer's learning rate", "output layer's rate", "5 times", "factor 5", "five times",
                   "factor of 5")),
    dict(id="PB07_l1_abs_of_sum", side="port",
         args=pair("07_sparse_regressor_numpy.py", "SparseRegressor", "07_sparse_regressor_torch.py",
                   "SparseRegressor", "--data", REGRESS,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the port's L1 penalty is written w.sum().abs(), the absolute value of each weight matrix's "
                   "sum, instead of w.abs().sum(), the sum of the absolute values: its gradient is L1 * sign(sum(w)) "
                   "for every element of the matrix instead of L1 * sign(w) element by element, pushing all the "
                   "weights of a layer the same way",
         expected=(".abs().sum()", ".sum().abs()", "abs of the sum", "absolute value of the sum", "sum of absolute",
                   "sum of the absolute", "sign(w)", "sign of the sum", "sign(sum", "l1 penalty", "l1 regular",
                   "l1 term", "lasso", "same sign", "same direction", "parenthes", "element-wise", "elementwise")),
    dict(id="PB08_swish_backward_missing_sigmoid", side="port",
         args=pair("08_swish_regressor_numpy.py", "SwishRegressor", "08_swish_regressor_torch.py", "SwishRegressor",
                   "--data", CURVE,
                   *params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                           "params['b2']=fc2.bias", "params['W3']=fc3.weight.T", "params['b3']=fc3.bias")),
         mechanism="pair: the port's memory-efficient swish autograd.Function returns grad_output * (s + z (1 - s)) "
                   "from backward instead of grad_output * s (1 + z (1 - s)) = s + z s (1 - s): the sigmoid factor "
                   "of the product rule's second term is missing, so both hidden layers back-propagate a wrong "
                   "swish derivative (the forward is right)",
         expected=("swish", "silu", "swish derivative", "derivative of swish", "silu derivative",
                   "s * (1 + z * (1 - s))", "z s (1 - s)", "z * s * (1 - s)", "sigmoid factor", "missing sigmoid",
                   "product rule", "custom backward", "autograd.function", "memory-efficient", "memory efficient")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PB09_adam_eps_10e8", side="numpy",
         args=numpy_net("09_adam_logistic.py", "AdamLogistic", "--init", "AdamLogistic()", "--step",
                        "net.train_step(X, y)", "--data", "random:40,5", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "adam", "--lr", "0.01", "--dtype", "float64"),
         mechanism="Adam's epsilon is typed eps=10e-8, which is 1e-7, not the 1e-8 meant (torch's default): the "
                   "denominator sqrt(v_hat) + eps is 9e-8 larger, so every update is smaller by the factor "
                   "(sqrt(v_hat) + 1e-8) / (sqrt(v_hat) + 1e-7), a relative change of about 9e-8 / |g| that shows "
                   "only in float64",
         expected=("10e-8", "1e-7", "1e-07", "eps", "epsilon", "--eps", "ten times", "10 times", "factor 10",
                   "factor of 10", "sqrt(v_hat) + eps", "keras")),
    dict(id="PB10_loop_shadows_targets", side="numpy",
         args=numpy_net("10_logged_sigmoid_net.py", "LoggedSigmoidNet", "--init", "LoggedSigmoidNet()", "--step",
                        "net.train_step(X, y)", "--data", "random:32,3", "--lr", "0.5"),
         mechanism="the logging loop `for x, y in zip(X, y)` rebinds y, the batch's targets, to each row's target in "
                   "turn: after the loop y is the last row's target (a (1,) array), and the vectorised backprop that "
                   "follows broadcasts it, training every row towards the last row's label",
         expected=("shadow", "rebind", "rebound", "rebinds", "overwrit", "loop variable", "for x, y in zip",
                   "zip(x, y)", "last row", "last example", "last sample", "last target", "last label",
                   "same target", "targets replaced", "name collision", "reused name")),
    dict(id="PB11_len_of_row_targets", side="numpy",
         args=numpy_net("11_columns_logistic.py", "ColumnsLogistic", "--init", "ColumnsLogistic()", "--step",
                        "net.train_step(X.T, y.T)", "--data", "random:40,4", "--hidden-activation", "relu",
                        "--loss", "bce", "--lr", "0.5"),
         mechanism="samples-as-columns network takes the number of examples as m = len(Y) with the targets a (1, m) "
                   "row: len() counts rows, so m = 1 and the cost and every gradient are sums over the 40 examples "
                   "instead of means, 40 times too large",
         expected=("len(y)", "len(", "y.shape[1]", "shape[1]", "number of examples", "m = 1", "sum instead of",
                   "summed", "not averaged", "instead of the mean", "instead of a mean", "factor 40", "40 times",
                   "bce-sum", "1/m")),
    dict(id="PB12_softplus_derivative_of_activation", side="numpy",
         args=pair("12_softplus_regressor_numpy.py", "SoftplusRegressor", "12_softplus_regressor_torch.py",
                   "SoftplusRegressor", "--data", REGRESS,
                   *params("W1=net.0.weight.T", "b1=net.0.bias", "W2=net.2.weight.T", "b2=net.2.bias")),
         mechanism="pair: the softplus derivative is evaluated at the cached activation, sigmoid(a1) with "
                   "a1 = softplus(z1), instead of at the pre-activation, sigmoid(z1): the hidden delta uses "
                   "sigmoid(softplus(z)), larger than sigmoid(z) everywhere (between 0.5 and 1), so W1 and b1 get "
                   "wrong gradients (W2 and b2 are right)",
         expected=("softplus derivative", "derivative of softplus", "softplus'", "sigmoid(a", "sigmoid(softplus",
                   "of the activation", "activation instead of", "instead of the pre-activation", "pre-activation",
                   "preactivation", "already-activated", "already activated", "wrong argument", "evaluated at")),
    dict(id="PB13_leaky_derivative_alpha_z", side="numpy",
         args=pair("13_leaky_regressor_numpy.py", "LeakyRegressor", "13_leaky_regressor_torch.py", "LeakyRegressor",
                   "--data", CURVE,
                   *params("weights[0]=net.0.weight.T", "biases[0]=net.0.bias", "weights[1]=net.2.weight.T",
                           "biases[1]=net.2.bias", "weights[2]=net.4.weight.T", "biases[2]=net.4.bias")),
         mechanism="pair: the leaky-ReLU derivative helper returns ALPHA * z for z <= 0 (the forward formula copied) "
                   "instead of the slope ALPHA = 0.1: the negative units pass ALPHA z times the back-propagated "
                   "error, a factor that flips sign and grows with |z|, in both hidden layers",
         expected=("leaky", "leaky_relu", "negative slope", "slope", "alpha * z", "alpha*z", "0.1 * z", "0.1z",
                   "instead of alpha", "negative units", "negative side", "negative pre-activation",
                   "negative inputs", "forward formula", "times z")),
    dict(id="PB14_hardsigmoid_keras_derivative", side="numpy",
         args=pair("14_hardsigmoid_classifier_numpy.py", "HardSigmoidClassifier", "14_hardsigmoid_classifier_torch.py",
                   "HardSigmoidClassifier", "--data", BINARY,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the hard sigmoid's forward is PyTorch's clip(z / 6 + 1/2, 0, 1) (slope 1/6 on |z| < 3) but "
                   "its derivative helper is Keras's, 0.2 on |z| < 2.5: the hidden delta is 1.2 times too large for "
                   "|z| < 2.5 and zero instead of 1/6 for 2.5 <= |z| < 3",
         expected=("hard sigmoid", "hard_sigmoid", "hardsigmoid", "hard-sigmoid", "1/6", "0.1667", "0.167",
                   "slope 0.2", "0.2 instead", "keras", "2.5", "relu6", "1.2 times", "factor 1.2", "two definitions")),
    dict(id="PB15_clip_coefficient_inverted", side="numpy",
         args=pair("15_clipped_regressor_numpy.py", "ClippedRegressor", "15_clipped_regressor_torch.py",
                   "ClippedRegressor", "--data", CURVE,
                   *params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T",
                           "params['b2']=out.bias")),
         mechanism="pair: the clipping coefficient is inverted, clip_coef = (total_norm + 1e-6) / MAX_NORM instead of "
                   "MAX_NORM / (total_norm + 1e-6): whenever the global gradient norm exceeds 0.5 the gradients are "
                   "scaled up by norm / 0.5 instead of down to a norm of 0.5 (off by the factor (norm / 0.5)^2)",
         expected=("inverted", "reciprocal", "upside down", "norm / max_norm", "total_norm / max_norm", "scaled up",
                   "scales up", "amplif", "instead of down", "clip_coef", "clip coefficient", "clipping",
                   "global norm", "gradient norm", "clip_grad_norm_", "squared")),
    dict(id="PB16_class_weights_by_column", side="numpy",
         args=pair("16_weighted_softmax_numpy.py", "WeightedSoftmax", "16_weighted_softmax_torch.py",
                   "WeightedSoftmax", "--data", THREE,
                   *params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the class-weighted cross-entropy's logit gradient multiplies (p - y) by CLASS_WEIGHTS "
                   "broadcast along the class axis, each column by its own class's weight, instead of each row by "
                   "the weight of its label, w[labels][:, None]: the loss is right but the gradient weights the "
                   "classes' logits, not the examples",
         expected=("class_weights[labels]", "w[labels]", "[:, none]", "broadcast", "column", "class axis",
                   "per column", "per class", "per-class", "per example", "per-example", "label's weight",
                   "weight of its label", "weight of the label", "class weight")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PBC1_elu_adagrad_l1_pair", side="correct",
         args=pair("correct_01_elu_adagrad_numpy.py", "EluAdagradNet", "correct_01_elu_adagrad_torch.py",
                   "EluAdagradNet", "--data", BINARY,
                   *params("params['W1']=body.0.weight.T", "params['b1']=body.0.bias",
                           "params['W2']=body.2.weight.T", "params['b2']=body.2.bias",
                           "params['W3']=body.4.weight.T", "params['b3']=body.4.bias")),
         mechanism="pair: two ELU(alpha 0.7) hidden layers (NumPy: np.expm1 forward, the derivative from the "
                   "activation as a + alpha), the mean BCE from the logit through np.logaddexp, an L1 penalty on the "
                   "weight matrices only (np.sign against torch.linalg.vector_norm(ord=1)), AdaGrad with eps 1e-10 "
                   "against torch.optim.Adagrad", expected=()),
    dict(id="PBC2_sigmoid_identity_tanh_adam", side="correct",
         args=numpy_net("correct_02_sigmoid_tanh_adam.py", "SigmoidTanhAdam", "--init", "SigmoidTanhAdam()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,5", "--hidden-activation", "tanh",
                        "--loss", "bce", "--optimizer", "adam", "--lr", "0.02", "--weight-decay", "0.01"),
         mechanism="NumPy: tanh computed as 2 sigmoid(2z) - 1 with the derivative 4 sigmoid(2z)(1 - sigmoid(2z)), mean "
                   "BCE, Adam with the L2 weight decay added to the gradient, its moments in defaultdict(float) that "
                   "start as the scalar 0.0; against the kit's twin with --weight-decay", expected=()),
    dict(id="PBC3_flatten_identity_port", side="correct",
         args=port("correct_03_flatten_identity_port.py", "Net", *OPT, "--data", "random:40,5",
                   "--hidden-activation", "tanh", "--loss", "half-sse", "--optimizer", "nesterov",
                   "--momentum", "0.9", "--lr", "0.1"),
         mechanism="port: nn.Sequential with an nn.Flatten() in front and an nn.Identity() placeholder, the half sum "
                   "of squared errors as torch.linalg.vector_norm(out - y).square() / 2, SGD(nesterov=True) with "
                   "every default spelled out (dampening, weight_decay, maximize, foreach=False), "
                   "zero_grad(set_to_none=True); the kit's NumPy network", expected=()),
]
