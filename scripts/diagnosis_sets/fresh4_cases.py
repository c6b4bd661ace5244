"""Fourth fresh held-out set for the diagnosis: one planted bug per program in fresh4/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh4_cases

Each case:
    id          short name (prefixed J)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules. The mechanisms differ from those of
the development set (cases.py), fresh/, fresh2/ and fresh3/. Each buggy program was checked
to fail (exit 1) and its fix (the bug the only difference) to pass (exit 0) under the same
arguments.
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh4/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="J01_reshape_for_transpose", side="port",
         args=port("01_reshape_for_transpose.py", "Net",
                   "--torch-param", "w_hidden=W1.T", "--torch-param", "b_hidden=b1",
                   "--torch-param", "w_out=W2.T", "--torch-param", "b_out=b2",
                   "--data", "random:32,4", "--lr", "0.5"),
         mechanism="an (out, in) weight turned into (in, out) with .reshape(in, out) where .T is meant: the "
                   "hidden weight's elements are re-read in memory order (scrambled), not transposed",
         expected=("reshape", "view(", ".view", "scrambl", "permut", "memory order", "row-major", "re-read",
                   "reordered", "shuffled elements", "elements rearranged", "instead of a transpose",
                   "not transposed", "not a transpose", "instead of .t")),
    dict(id="J02_softmax_normaliser_no_grad", side="port",
         args=port("02_softmax_normaliser_no_grad.py", "Classifier", "--data", "random:48,5,3",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--lr", "0.5"),
         mechanism="hand-written softmax computes its normaliser sum(exp(z - max)) under torch.no_grad(): the "
                   "forward is right, the log-sum-exp gets no gradient (dL/dz = -y/n instead of (p - y)/n)",
         expected=("no_grad", "no grad", "detach", "normaliser", "normalizer", "denominator", "partition",
                   "log-sum-exp", "logsumexp", "log sum exp", "constant to autograd", "treated as a constant",
                   "treated as constant", "gradient does not flow", "gradient not flowing", "no gradient through",
                   "-y/n", "-y / n", "missing the p term")),
    dict(id="J03_mse_summed_over_outputs", side="port",
         args=port("03_mse_summed_over_outputs.py", "Regressor", "--data", "random:40,5,3",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="MSE written ((out - y)**2).sum(dim=1).mean(): summed over the 3 outputs, averaged over the "
                   "rows only, where the NumPy network averages over every element: a factor 3 (n_outputs)",
         expected=("sum(dim=1)", "sum over the outputs", "summed over the outputs", "sum over outputs",
                   "summed over outputs", "number of outputs", "output units", "outputs instead",
                   "mean over the rows", "averaged over the rows", "factor 3",
                   "factor of 3", "3 times", "three times", "3x", "×3", "x3", "dim=1")),
    dict(id="J04_lambda_warmup", side="port",
         args=port("04_lambda_warmup.py", "Net", *OPT, "--data", "random:32,4", "--hidden-activation", "tanh",
                   "--loss", "bce", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="LambdaLR linear warm-up (lr * (step + 1) / 10 for the first 10 steps) in the port; the NumPy "
                   "network uses a constant learning rate",
         expected=("warm-up", "warmup", "warm up", "schedul", "lambdalr", "ramp", "learning rate grows",
                   "learning rate increases", "growing learning rate", "increasing learning rate",
                   "learning rate changes", "learning rate that changes", "lr changes", "moves with the step",
                   "changes with the step", "varies with the step")),
    dict(id="J05_bias_double_lr_groups", side="port",
         args=port("05_bias_double_lr_groups.py", "Net", *OPT, "--data", "random:32,4", "--loss", "half-sse",
                   "--lr", "0.3"),
         mechanism="two optimizer param groups, the biases at twice the learning rate (Caffe lr_mult 2); "
                   "the NumPy network uses one learning rate for all",
         expected=("param group", "parameter group", "param_group", "bias learning rate", "biases' learning rate",
                   "learning rate of the bias", "bias lr", "biases at", "biases move", "bias updates",
                   "bias update", "biases twice", "bias twice", "bias 2x", "lr_mult",
                   "per-parameter learning rate")),
    dict(id="J06_momentum_buffer_aliases_grad", side="port",
         args=port("06_momentum_buffer_aliases_grad.py", "Net", *OPT, "--data", "random:36,4",
                   "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "mse",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="hand-written momentum makes its buffer as p.grad itself (no clone) and zeroes grads in "
                   "place: buffer and gradient are one tensor, every later update is lr * 2 mu g, no memory",
         expected=("alias", "clone", "same tensor", "in place", "in-place", "no memory",
                   "buffer reset", "buffer is reset", "buffer zeroed", "zeroed with", "1.8", "2 * mu", "2μ",
                   "2 mu", "without memory", "forgets")),
    dict(id="J07_hand_adam_grad_numerator", side="port",
         args=port("07_hand_adam_grad_numerator.py", "Net", *OPT, "--data", "random:32,5",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="hand-written Adam keeps m and v right but updates with the raw gradient, "
                   "lr * g / (sqrt(v_hat) + eps), instead of m_hat (equal on step 1)",
         expected=("raw gradient", "gradient instead of", "g instead of", "instead of m", "m_hat", "m̂",
                   "first moment", "exp_avg ", "exp_avg,", "exp_avg)", "momentum term", "numerator", "rmsprop",
                   "without momentum", "first moment unused", "m unused", "m is not used", "ignores m")),
    dict(id="J08_ce_ignore_index_zero", side="port",
         args=port("08_ce_ignore_index_zero.py", "Classifier", "--data", "random:60,6,4",
                   "--output-activation", "softmax", "--loss", "ce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="F.cross_entropy(..., ignore_index=0) copied from sequence code: rows of class 0 are dropped "
                   "from the loss and the mean is over the other rows only",
         expected=("ignore_index", "ignore index", "class 0", "class zero", "first class",
                   "rows of class", "rows dropped", "dropped rows", "rows are dropped", "rows left out",
                   "subset of the rows", "subset of rows", "padding",
                   "row weights", "weighted rows", "per-row weight")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="J09_second_weight_grad_own_activation", side="numpy",
         args=numpy_net("09_second_weight_grad_own_activation.py", "DeepSigmoid", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--lr", "0.5"),
         mechanism="middle weight's gradient a2.T @ d2 (the layer's own output) instead of a1.T @ d2 (its "
                   "input): an index slip hidden by two equal widths",
         expected=("own output", "own activation", "layer's output", "output of the layer", "instead of its input",
                   "wrong activation", "wrong input", "input activation", "layer's input", "a2.t", "a1.t",
                   "next layer", "layer above", "wrong layer", "off by one", "off-by-one", "index slip",
                   "wrong index", "activations of layer")),
    dict(id="J10_square_weight_grad_transposed", side="numpy",
         args=numpy_net("10_square_weight_grad_transposed.py", "ReluStack", "--step", "net.fit_batch(X, y)",
                        "--param", "weights[0]=W1", "--param", "biases[0]=b1",
                        "--param", "weights[1]=W2", "--param", "biases[1]=b2",
                        "--param", "weights[2]=W3", "--param", "biases[2]=b3",
                        "--data", "random:40,5", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "mse", "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="the square middle weight's gradient written d2.T @ a1 ((out, in) convention), the transpose "
                   "of a1.T @ d2",
         expected=("transpos", "(out, in)", "out, in", "wrong orientation", "orientation",
                   "gradient of w2 transposed", "swapped indices", "swapped axes")),
    dict(id="J11_sigmoid_deriv_at_prebias_z", side="numpy",
         args=numpy_net("11_sigmoid_deriv_at_prebias_z.py", "NeuralNetwork", "--data", "random:32,4",
                        "--loss", "bce", "--lr", "0.5"),
         mechanism="hidden sigmoid derivative evaluated at the cached pre-activation without the bias, "
                   "sigmoid'(X W1) instead of sigmoid'(X W1 + b1)",
         expected=("without the bias", "without bias", "bias missing", "missing bias", "bias left out",
                   "excluding the bias", "before the bias", "pre-bias", "bias not included", "omits the bias",
                   "bias omitted", "ignores the bias", "wrong pre-activation")),
    dict(id="J12_adam_m_local_not_stored", side="numpy",
         args=numpy_net("12_adam_m_local_not_stored.py", "AdamRegressor", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--output-activation", "linear", "--loss", "mse",
                        "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's first moment updated in a local (m = beta1 * m + ...) never written back: self.m stays "
                   "zero, m = (1 - beta1) g every step",
         expected=("never stored", "not stored", "never written", "not written back", "stored back",
                   "written back", "local variable", "rebind", "rebound", "first moment", "exp_avg ", "exp_avg,",
                   "exp_avg)", "m stays", "m is zero", "stays zero", "remains zero", "no memory", "reset",
                   "m_hat", "m̂")),
    dict(id="J13_tanh_deriv_sech", side="numpy",
         args=numpy_net("13_tanh_deriv_sech.py", "TanhNet", "--step", "net.sgd(X, y)", "--data", "random:32,3",
                        "--hidden-activation", "tanh", "--loss", "half-mse", "--lr", "0.5"),
         mechanism="tanh derivative written 1 / cosh(z) (sech z) instead of 1 / cosh(z)**2 (sech^2 z): the "
                   "square is missing",
         expected=("sech", "cosh", "missing square", "square is missing", "square missing", "not squared",
                   "tanh derivative", "derivative of tanh",
                   "tanh'", "activation derivative", "activation-derivative")),
    dict(id="J14_nesterov_old_velocity", side="numpy",
         args=numpy_net("14_nesterov_old_velocity.py", "NesterovSoftmax", "--step", "net.step(X, y)",
                        "--data", "random:64,4,3", "--batch-size", "16", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "nesterov",
                        "--momentum", "0.9", "--lr", "0.1"),
         mechanism="Nesterov update w -= lr (g + mu v) applied before v = mu v + g: the look-ahead uses the "
                   "previous step's velocity",
         expected=("previous velocity", "previous step's velocity", "old velocity", "stale velocity",
                   "velocity before", "before the velocity", "before updating", "one step late", "lags",
                   "stale look-ahead", "look-ahead uses", "previous buffer", "stale buffer")),
    dict(id="J15_adam_v_correction_beta1", side="numpy",
         args=numpy_net("15_adam_v_correction_beta1.py", "AdamTanh", "--step", "net.train_step(X, y)",
                        "--param", "params[0]=W1", "--param", "params[1]=b1",
                        "--param", "params[2]=W2", "--param", "params[3]=b2",
                        "--data", "random:32,4", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's second-moment bias correction divides by 1 - beta1**t (copied from m's line) instead "
                   "of 1 - beta2**t",
         expected=("correction of v", "second moment's bias correction", "second-moment bias correction",
                   "v_hat", "v̂", "beta1", "β1", "1 - β1", "second moment", "exp_avg_sq", "copy-paste", "copied",
                   "wrong beta")),
    dict(id="J16_hidden_grads_divided_twice", side="numpy",
         args=numpy_net("16_hidden_grads_divided_twice.py", "ReluRegressor", "--step", "net.learn(X, y)",
                        "--data", "random:32,4", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "mse", "--lr", "0.05"),
         mechanism="the hidden layer's gradients divided by n again (X.T @ d_h / n, d_h.mean) though the output "
                   "delta already holds 1/n: first layer's gradients n (32) times too small",
         expected=("divided twice", "twice by n", "divided by n twice", "1/n²", "1/n^2", "n^2", "n²",
                   "double normalis", "double normaliz", "averaged twice", "mean twice", "factor 32",
                   "factor of 32", "32 times", "32x", "×32", "1/32", "n times")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="J17_correct_port_autograd_grad_modulelist", side="correct",
         args=port("correct_01_port_autograd_grad_modulelist.py", "DeepTanh", "--data", "random:48,4,3",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                   "--lr", "0.3"),
         mechanism="port: nn.ModuleList, two tanh hidden layers, logits out of forward, cross-entropy as "
                   "-(y (z - logsumexp z)).sum(1).mean(), torch.autograd.grad assigned to .grad, optimizer.step()",
         expected=()),
    dict(id="J18_correct_per_sample_outer_bce_sum", side="correct",
         args=numpy_net("correct_02_per_sample_outer_bce_sum.py", "OnlineAccumulator", "--step", "net.epoch(X, y)",
                        "--param", "Wh=W1.T", "--param", "bh=b1", "--param", "Wo=W2.T", "--param", "bo=b2",
                        "--data", "random:24,3", "--hidden-activation", "tanh", "--loss", "bce-sum",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="NumPy: (out, in) weights, gradient accumulated per sample with np.outer in a loop, tanh, "
                   "summed BCE, heavy-ball momentum with velocities in a dict", expected=()),
    dict(id="J19_correct_flat_theta_adapter", side="correct",
         args=numpy_net("correct_03_flat_theta_adapter.py", "FlatTheta", "--data", "random:32,5",
                        "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "nesterov",
                        "--momentum", "0.9", "--lr", "0.1"),
         mechanism="NumPy through the adapter protocol: every parameter a view into one flat theta, ReLU, logit "
                   "output with BCE via np.logaddexp, Nesterov momentum on the flat vector", expected=()),
]
