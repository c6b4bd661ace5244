"""Sixth fresh held-out set for the diagnosis: one planted bug per program in fresh6/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh6_cases

Each case:
    id          short name (prefixed L)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules. The mechanisms differ from those of
the development set (cases.py), fresh/, fresh2/, fresh3/, fresh4/ and fresh5/. Each buggy
program was checked to fail (exit 1) and its fix (the bug the only difference) to pass
(exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh6/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="L01_norm_not_squared", side="port",
         args=port("01_norm_not_squared.py", "Regressor", "--data", "random:32,6",
                   "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "sse",
                   "--lr", "0.005"),
         mechanism="sum of squared errors written torch.linalg.norm(out - y) without the square: the gradient "
                   "(out - y) / ||out - y|| is the SSE's divided by 2 ||out - y||, a factor that changes every step",
         expected=("linalg.norm", "torch.norm", "norm of the error", "norm of the residual", "residual norm",
                   "error norm", "l2 norm", "l2-norm", "euclidean norm", "2-norm", "not squared", "missing square",
                   "square is missing", "square missing", "without the square", "unsquared", "root of the sum",
                   "sqrt of the sum", "square root of the sse", "square root of the sum", "sqrt(sse)",
                   "||out - y||", "‖")),
    dict(id="L02_hand_adam_missing_sqrt", side="port",
         args=port("02_hand_adam_missing_sqrt.py", "Net", *OPT, "--data", "random:32,5",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "adam", "--lr", "0.001"),
         mechanism="hand-written Adam (an Optimizer subclass) divides by v_hat + eps instead of sqrt(v_hat) + eps: "
                   "the square root of the second moment is missing from the denominator",
         expected=("sqrt", "square root", "square-root", "√", "root of v", "root of the second",
                   "v_hat + eps", "v_hat+eps", "v̂ + ε", "denominator", "exp_avg_sq", "second moment",
                   "1/g", "1 / g", "inverse of the gradient")),
    dict(id="L03_residual_added", side="port",
         args=port("03_residual_added.py", "Classifier", "--data", "random:60,5,3",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="two equal-width ReLU hidden layers; forward adds a skip connection h2 = relu(fc2(h1)) + h1 "
                   "that the NumPy network does not have",
         expected=("residual", "skip connection", "skip-connection", "shortcut", "identity connection",
                   "identity path", "+ h1", "h1 added", "adds h1", "adds the first hidden", "added to the second",
                   "adds the input of the layer", "resnet")),
    dict(id="L04_momentum_buffers_keyed_by_suffix", side="port",
         args=port("04_momentum_buffers_keyed_by_suffix.py", "SquareMLP", *OPT, "--data", "random:64,8,8",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="hand-written momentum keeps its buffers in a dict keyed by name.split('.')[-1] ('weight' or "
                   "'bias'): the three equal-shape layers share one weight buffer and one bias buffer, each "
                   "layer's update carries the other layers' gradients",
         expected=("shared buffer", "share a buffer", "share one buffer", "shares a buffer", "shares one buffer",
                   "same buffer", "one buffer", "single buffer", "shared velocity", "same velocity",
                   "shared momentum", "momentum shared", "buffer shared", "buffers shared", "buffer key",
                   "keyed by", "split('.')", "name.split", "collid", "collision", "shared state",
                   "state shared", "shared between layers", "shared across layers", "other layers' gradients",
                   "other layers' gradient")),
    dict(id="L05_bias_after_activation", side="port",
         args=port("05_bias_after_activation.py", "Net", "--data", "random:40,6",
                   "--hidden-activation", "tanh", "--loss", "bce-sum", "--optimizer", "nesterov",
                   "--momentum", "0.9", "--lr", "0.05"),
         mechanism="hidden layer written tanh(F.linear(x, W)) + b: the hidden bias is added after the tanh "
                   "instead of inside it, tanh(x W + b)",
         expected=("after the activation", "after the tanh", "outside the activation", "outside the tanh",
                   "outside tanh", "bias after", "bias outside", "bias added after", "added after the",
                   "tanh(x w) + b", "tanh(xw) + b", "misplaced bias", "bias placement", "placement of the bias",
                   "+ self.hidden.bias", "inside the tanh", "inside the activation", "before the bias")),
    dict(id="L06_distillation_temperature", side="port",
         args=port("06_distillation_temperature.py", "DeepClassifier", "--data", "random:64,5,4",
                   "--batch-size", "16", "--hidden-activation", "relu", "--output-activation", "softmax",
                   "--loss", "ce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="train_step copied from a distillation script divides the logits by a temperature T = 2 "
                   "before F.cross_entropy: the model is trained on softmax(z / 2)",
         expected=("temperature", "logits / t", "logits / 2", "logits/2", "z / 2", "z/2", "divided by 2",
                   "divides the logits", "logits divided", "scaled logits", "logits scaled", "scaling of the logits",
                   "logit scale", "halved logits", "logits halved", "distill", "softened")),
    dict(id="L07_input_noise_augmentation", side="port",
         args=port("07_input_noise_augmentation.py", "Net", "--data", "random:40,4", "--loss", "mse",
                   "--lr", "0.5"),
         mechanism="train_step adds Gaussian noise (0.1 * torch.randn_like(X)) to the inputs, a training-time "
                   "augmentation the NumPy network does not have",
         expected=("noise", "randn", "augment", "jitter", "gaussian", "perturb", "stochastic", "nondetermin",
                   "non-determin", "different inputs", "inputs differ", "input differs")),
    dict(id="L08_activation_before_linear", side="port",
         args=port("08_activation_before_linear.py", "DeepRegressor", "--data", "random:48,5",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-mse",
                   "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="nn.Sequential built in a loop that inserts nn.Tanh() before each Linear but the last "
                   "(condition i < L - 1 instead of i > 0): the raw input goes through tanh and the second "
                   "hidden layer is left linear",
         expected=("before the linear", "before each linear", "before the first", "tanh of the input",
                   "tanh on the input", "tanh to the input", "on the input", "to the input", "input through",
                   "shifted", "off by one", "off-by-one", "activation order", "layer order", "wrong place",
                   "misplaced", "second hidden layer linear", "second hidden layer is linear",
                   "last hidden layer is linear", "no activation", "missing activation", "without activation",
                   "without an activation", "linear hidden")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="L09_tanh_deriv_square_misplaced", side="numpy",
         args=numpy_net("09_tanh_deriv_square_misplaced.py", "TanhClassifier", "--step", "net.train_step(X, y)",
                        "--data", "random:40,5", "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.5"),
         mechanism="tanh derivative written (1 - a) ** 2 instead of 1 - a ** 2 (the square on the wrong term)",
         expected=("(1 - a) ** 2", "(1 - a)**2", "(1-a)**2", "(1 - a)^2", "(1-a)^2", "(1 - a)²", "(1-a)²",
                   "1 - a ** 2", "1 - a**2", "1 - a²", "1 - a^2", "tanh derivative", "tanh'", "derivative of tanh",
                   "derivative of the tanh", "dtanh", "parenthes", "precedence", "square on the wrong")),
    dict(id="L10_hidden_bias_grad_before_derivative", side="numpy",
         args=numpy_net("10_hidden_bias_grad_before_derivative.py", "Network", "--step", "net.train(X, y)",
                        "--data", "random:32,4", "--loss", "sse", "--optimizer", "momentum", "--momentum", "0.9",
                        "--lr", "0.05"),
         mechanism="hidden bias gradient summed from the back-propagated error err_h = d_out @ W2.T, before the "
                   "sigmoid derivative h (1 - h) is applied (the weight gradient uses the full delta)",
         expected=("before the activation derivative", "before the derivative", "before the sigmoid derivative",
                   "without the derivative", "without the sigmoid derivative", "without the activation derivative",
                   "missing the derivative", "derivative missing", "missing derivative", "missing the sigmoid",
                   "err_h", "hidden bias", "bias gradient", "bias's gradient", "bias grad", "h (1 - h)",
                   "h(1-h)", "h * (1 - h)")),
    dict(id="L11_per_sample_assign_not_accumulate", side="numpy",
         args=numpy_net("11_per_sample_assign_not_accumulate.py", "OnlineNet", "--step", "net.batch_update(X, y)",
                        "--param", "weights[0]=W1", "--param", "biases[0]=b1",
                        "--param", "weights[1]=W2", "--param", "biases[1]=b2",
                        "--data", "random:24,3", "--hidden-activation", "relu", "--loss", "mse", "--lr", "0.5"),
         mechanism="per-sample loop: the first weight's gradient is assigned (gW1 = np.outer(x, d1)) where it "
                   "should be accumulated (+=): only the last row's contribution survives",
         expected=("last row", "last sample", "last example", "only the last", "one row", "single row",
                   "single sample", "one sample", "overwrit", "not accumulated", "accumulated over", "accumulate over",
                   "instead of accumulat", "= instead of", "assignment instead", "assigned instead")),
    dict(id="L12_adam_v_leaked_loop_variable", side="numpy",
         args=numpy_net("12_adam_v_leaked_loop_variable.py", "AdamNet", "--step", "net.train_step(X, y)",
                        "--data", "random:32,5", "--hidden-activation", "relu", "--loss", "bce",
                        "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam's second moments updated in a second loop that squares g, the variable left over from "
                   "the first loop (b2's gradient, broadcast), instead of grads[k]: every v accumulates the last "
                   "parameter's squared gradient",
         expected=("loop variable", "leaked", "left over", "leftover", "stale g", "g from the", "b2's gradient",
                   "gradient of b2", "b2 gradient", "b2.grad", "last parameter", "wrong gradient", "same gradient for every",
                   "one gradient for every", "exp_avg_sq", "second moment", "v accumulates", "broadcast")),
    dict(id="L13_relu_deriv_sign", side="numpy",
         args=numpy_net("13_relu_deriv_sign.py", "DeepRelu", "--step", "net.step(X, y)",
                        "--data", "random:40,4", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "mse", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="ReLU derivative written np.sign(z) on the pre-activation: -1 instead of 0 for the negative "
                   "(inactive) units, in both hidden layers",
         expected=("np.sign", "sign(z)", "sign of z", "sign of the pre-activation", "minus one", "-1 for", "-1 instead", "negative units", "negative pre-activation",
                   "negative inputs", "inactive units", "inactive", "relu derivative", "relu'", "derivative of relu",
                   "derivative of the relu", "relu_grad", "mask")),
    dict(id="L14_nesterov_cs231n_sign", side="numpy",
         args=numpy_net("14_nesterov_cs231n_sign.py", "NesterovNet", "--step", "net.train_step(X, y)",
                        "--data", "random:32,4", "--loss", "bce", "--optimizer", "nesterov", "--momentum", "0.9",
                        "--lr", "0.5"),
         mechanism="Nesterov in the cs231n form v = mu v - lr g; w += -mu v_prev + (1 + mu) v, written with "
                   "+mu * v_prev: the previous velocity's term has the wrong sign (equal on step 1)",
         expected=("v_prev", "previous velocity", "old velocity", "velocity of the previous", "-mu * v_prev",
                   "+ mu * v_prev", "+mu * v_prev", "-μ", "- μ v", "sign of the", "wrong sign", "sign flip",
                   "nesterov term", "nesterov correction", "look-ahead", "lookahead")),
    dict(id="L15_momentum_reset_each_epoch", side="numpy",
         args=numpy_net("15_momentum_reset_each_epoch.py", "EpochNet", "--step", "net.train_batch(X, y)",
                        "--data", "random:64,5,3", "--batch-size", "16", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.1"),
         mechanism="the velocities are re-created as zeros at the start of every epoch (every 4 batches) instead "
                   "of once before training: momentum restarts each epoch",
         expected=("reset", "restart", "zeroed", "re-initialised", "reinitialised", "re-initialized",
                   "reinitialized", "re-created", "recreated", "every epoch", "each epoch", "per epoch",
                   "start of an epoch", "start of each epoch", "epoch", "every 4", "periodic")),
    dict(id="L16_adam_moments_init_first_grad", side="numpy",
         args=numpy_net("16_adam_moments_init_first_grad.py", "LayeredAdam", "--step", "net.fit_batch(X, y)",
                        "--param", "layers[0].W=W1", "--param", "layers[0].b=b1",
                        "--param", "layers[1].W=W2", "--param", "layers[1].b=b2",
                        "--param", "layers[2].W=W3", "--param", "layers[2].b=b3",
                        "--data", "random:40,4", "--hidden-activation", "tanh", "--output-activation", "linear",
                        "--loss", "half-mse", "--optimizer", "adam", "--lr", "0.005"),
         mechanism="Adam's moments initialised with the first gradient (m = g, v = g^2) instead of zeros, while "
                   "the bias corrections still assume a zero start: the first step is 10 / sqrt(1000) = 0.316 of "
                   "Adam's",
         expected=("initialised with the gradient", "initialized with the gradient", "initialised with the first",
                   "initialized with the first", "first gradient", "initial m", "initial moment",
                   "moments initiali", "moment initiali", "instead of zero", "not zero", "nonzero init",
                   "non-zero init", "zero init", "m = g", "m₀", "0.316", "sqrt(10)", "√10",
                   "bias correction", "bias-correction")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="L17_correct_columns_folded_lr_velocity", side="correct",
         args=numpy_net("correct_01_columns_folded_lr_velocity.py", "ColumnNet",
                        "--init", "ColumnNet(X.T, y.T)", "--step", "net.epoch(X.T, y.T)",
                        "--data", "random:36,5", "--hidden-activation", "relu", "--loss", "bce",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="NumPy: samples as columns, (out, in) weights and (h, 1) biases in lists, two ReLU hidden "
                   "layers, BCE from the logit via np.logaddexp, heavy-ball momentum with the learning rate "
                   "folded into the velocity (v = mu v + lr g; W -= v)", expected=()),
    dict(id="L18_correct_port_parameterlist_log_softmax", side="correct",
         args=port("correct_02_port_parameterlist_log_softmax.py", "RawNet", *OPT,
                   "--torch-param", "weights.0=W1", "--torch-param", "biases.0=b1",
                   "--torch-param", "weights.1=W2", "--torch-param", "biases.1=b2",
                   "--data", "random:48,4,3", "--hidden-activation", "sigmoid", "--output-activation", "softmax",
                   "--loss", "ce", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.2"),
         mechanism="port: raw (in, out) weights in nn.ParameterList, forward returns log_softmax and the loss is "
                   "F.cross_entropy on it (log_softmax is idempotent), hand-written Nesterov in the cs231n form "
                   "v = mu v - lr g; p += -mu v_prev + (1 + mu) v", expected=()),
    dict(id="L19_correct_functional_adapter_adam", side="correct",
         args=numpy_net("correct_03_functional_adapter_adam.py", "FunctionalModel",
                        "--data", "random:60,4,3", "--batch-size", "12", "--shuffle",
                        "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                        "--optimizer", "adam", "--lr", "0.01"),
         mechanism="NumPy through the adapter protocol, functional style: parameters an immutable tuple of "
                   "(W, b) pairs rebuilt each step by pure functions, two tanh hidden layers, log-sum-exp "
                   "cross-entropy, Adam in the Kingma-Ba form lr_t = lr sqrt(1 - b2^t) / (1 - b1^t) with eps "
                   "scaled to match, shuffled mini-batches", expected=()),
]
