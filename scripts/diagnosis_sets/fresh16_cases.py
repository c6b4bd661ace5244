"""Sixteenth fresh held-out set for the diagnosis: one planted bug per program in fresh16/ (eight
PyTorch ports, six checked against the kit's NumPy network and two against a NumPy program of
their own; eight NumPy programs, six checked against the kit's torch twin and two against a
port of their own) and three correct programs in unusual styles. The bugs lean towards the
backward pass written by hand and the caching around it: derivatives of activations and losses,
the axis of sums, values cached in the forward pass and reused (overwritten or shared), loops
over three or more layers, softmax outputs, and in the ports hand-written losses, custom
autograd Functions, hooks, parameter registration and detach. Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh16_cases

Each case:
    id          short name (prefixed Y)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh15/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0). fresh16/autoencoder.npz is written
by fresh16/make_data.py.
"""

from case_args import in_folder

F = "scripts/diagnosis_sets/fresh16/"
ONEHOT = "scripts/diagnosis_sets/data/onehot.npz"
port, numpy_net = in_folder(F)
STEP_NP = ("--step", "net.train_step(X, y)")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="Y01_shared_tanh_cache", side="port",
         args=port("01_shared_tanh_cache.py", "Net", "--data", "random:40,4,2", "--hidden-activation", "tanh",
                   "--output-activation", "linear", "--loss", "mse", "--lr", "0.05"),
         mechanism="the port's hand-written backward keeps each hidden activation in a Tanh object, but the three "
                   "hidden layers share one object ([Tanh()] * depth: list multiplication repeats the reference): "
                   "each forward call overwrites its cached output, so every layer's backward takes the tanh "
                   "derivative of the last hidden layer's activation, 1 - a3^2 instead of 1 - a_i^2 (the third "
                   "layer right, the first two wrong)",
         expected=("shared", "same object", "one object", "single object", "list multiplication", "[tanh()] *",
                   "aliased", "alias", "overwritten", "overwrites", "cached output", "cache", "last hidden layer",
                   "third layer's activation", "1 - a3", "wrong activation", "tanh derivative",
                   "derivative of tanh")),
    dict(id="Y02_softmax_grad_seeded_at_probs", side="port",
         args=port("02_softmax_grad_seeded_at_probs.py", "Net", "--data", "random:48,5,4", "--batch-size", "12",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce", "--lr", "0.3"),
         mechanism="train_step seeds autograd at the softmax output with the logit gradient, "
                   "probs.backward((p - y) / n), instead of loss.backward(): the shortcut (p - y) / n already "
                   "contains the softmax's derivative, and autograd multiplies it by the softmax Jacobian again, "
                   "dL/dz = p * (d - sum_j p_j d_j) with d = (p - y) / n, instead of (p - y) / n",
         expected=("probs.backward", "backward((p", "seed", "seeded", "gradient argument", "softmax jacobian",
                   "jacobian", "softmax derivative twice", "twice", "applied again", "double", "(p - y) / n",
                   "logit gradient", "gradient with respect to the logits", "wrong tensor",
                   "instead of loss.backward", "dl/dp")),
    dict(id="Y03_softplus_abs_detached", side="port",
         args=port("03_softplus_abs_detached.py", "Net", "--data", "random:36,6", "--hidden-activation", "tanh",
                   "--loss", "bce", "--lr", "0.5"),
         mechanism="hand-written BCE from the logit, max(z, 0) + log1p(exp(-|z|)) - y z, with |z| detached as if it "
                   "were a log-sum-exp shift: the log1p(exp(-|z|)) term passes no gradient, so the logit gradient "
                   "is step(z) - y (1 for z > 0, else 0, minus y) instead of sigmoid(z) - y",
         expected=("detach", "detached", "stop-gradient", "stop gradient", "|z|", "abs", "log1p", "softplus",
                   "log(1 + e", "step(z)", "heaviside", "1[z > 0]", "z > 0", "sigmoid(z) - y", "shift",
                   "no gradient")),
    dict(id="Y04_param_hooks_registered_in_forward", side="port",
         args=port("04_param_hooks_registered_in_forward.py", "Net", "--data", "random:32,5", "--loss", "mse",
                   "--lr", "0.5"),
         mechanism="forward registers a gradient hook g * (1 / n) on every parameter, to turn the summed squared "
                   "error into the mean, but parameters persist across calls, so the hooks pile up, one more per "
                   "step: at step t every gradient is scaled by (1 / n)^t instead of 1 / n (right on step 1, "
                   "1/32 of the mean's gradient on step 2, and smaller after)",
         expected=("hook", "register_hook", "registered", "every forward", "each forward", "each call",
                   "pile up", "piling", "accumulating hooks", "hooks accumulate", "n^t", "(1/n)^t", "(1 / n)^t",
                   "1/32", "step 2", "shrinking", "vanishing", "repeatedly scaled")),
    dict(id="Y05_shared_bias_parameterlist", side="port",
         args=numpy_net("05_pair_numpy.py", "DeepTanhRegressor", "--torch",
                        F + "05_shared_bias_parameterlist.py:DeepTanhRegressor", "--as-written",
                        "--init", "net = DeepTanhRegressor()", "--data", "random:40,4,2",
                        "--param", "W[0]=weights.0.T", "--param", "W[1]=weights.1.T", "--param", "W[2]=weights.2.T",
                        "--param", "W[3]=weights.3.T", "--param", "b[0]=biases.0", "--param", "b[3]=biases.3"),
         mechanism="pair: the port's ParameterList of biases is built with [nn.Parameter(torch.zeros(8))] * 3 + [...]: "
                   "list multiplication repeats one Parameter, so the three tanh hidden layers add the same bias "
                   "and it takes the sum of the three layers' bias gradients (three separate vectors b[0], b[1], "
                   "b[2] in the NumPy program)",
         expected=("shared", "same bias", "one bias", "single bias", "tied", "same parameter", "one parameter",
                   "list multiplication", "* 3", "* depth", "repeated", "aliased", "alias", "sum of the",
                   "summed bias gradient", "b1 = b2", "parameterlist")),
    dict(id="Y06_logsoftmax_saves_input", side="port",
         args=numpy_net("06_pair_numpy.py", "SigmoidSoftmax", "--torch",
                        F + "06_logsoftmax_saves_input.py:SigmoidSoftmax", "--as-written",
                        "--init", "net = SigmoidSoftmax()", "--data", ONEHOT, "--batch-size", "15"),
         mechanism="pair: the port's custom log-softmax autograd Function saves its input z instead of its output "
                   "log p; backward exponentiates the saved tensor as if it were log p, g - exp(z) sum(g), so the "
                   "cross-entropy's logit gradient is (exp(z) - y) / n, unnormalised exponentials, instead of "
                   "(softmax(z) - y) / n",
         expected=("save_for_backward", "saved tensor", "saved the input", "saves the input", "saves z",
                   "input instead of the output", "exp(z)", "e^z", "unnormalised", "unnormalized",
                   "not normalised", "not normalized", "log-softmax backward", "log_softmax", "custom backward",
                   "autograd.function", "custom autograd", "softmax(z) - y")),
    dict(id="Y07_target_logit_detached", side="port",
         args=port("07_target_logit_detached.py", "Net", "--data", "random:40,6,4", "--batch-size", "10",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="hand-written cross-entropy logsumexp(z) - z_label with the labelled logit (z * y).sum(1) "
                   "detached (the label side taken for a constant): the -y / n part of the logit gradient is "
                   "lost, dL/dz = p / n instead of (p - y) / n",
         expected=("detach", "detached", "stop-gradient", "stop gradient", "target logit", "label logit",
                   "labelled logit", "labeled logit", "correct-class logit", "true class", "-y/n", "-y / n",
                   "p / n", "p/n", "only the log-sum-exp", "logsumexp", "missing -y", "no gradient")),
    dict(id="Y08_custom_bce_backward_unscaled", side="port",
         args=port("08_custom_bce_backward_unscaled.py", "Net", "--data", "random:36,5",
                   "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "momentum", "--momentum", "0.9",
                   "--lr", "0.05"),
         mechanism="fused sigmoid + BCE autograd Function whose forward returns the mean over the 36 rows but whose "
                   "backward returns grad_output * (sigmoid(z) - y), the summed loss's gradient, without the / n: "
                   "every gradient 36 times the mean BCE's",
         expected=("/ n", "1/n", "divide", "divided", "numel", "batch size", "36", "sum instead of", "summed",
                   "reduction", "n times", "custom backward", "autograd.function", "custom autograd",
                   "grad_output")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="Y09_softmax_backward_batch_axis", side="numpy",
         args=numpy_net("09_softmax_backward_batch_axis.py", "StagedSoftmaxNet", *STEP_NP, "--data", "random:40,5,4",
                        "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.5"),
         mechanism="the softmax stage's backward p * (g - sum(g * p)) takes the sum over axis=0 (the batch, per "
                   "class) instead of axis=1 (each row's classes): with g = -y / (n p) the row term -1/n becomes "
                   "minus the class's count in the batch over n, dz = -y / n + p count_k / n instead of (p - y) / n",
         expected=("axis=0", "axis 0", "axis=1", "batch axis", "over the batch", "wrong axis", "per class",
                   "class count", "jacobian-vector", "jacobian", "softmax backward", "softmax derivative",
                   "sum over the rows", "sum over rows", "instead of over the classes", "keepdims")),
    dict(id="Y10_hidden_derivative_leaked_z", side="numpy",
         args=numpy_net("10_hidden_derivative_leaked_z.py", "DeepTanh", *STEP_NP, "--data", "random:36,6",
                        "--hidden-activation", "tanh", "--loss", "bce", "--lr", "0.3"),
         mechanism="the backward loop's tanh derivative uses z, the variable left over from the forward loop (the "
                   "output unit's pre-activation, (n, 1), broadcast over the units), instead of the layer's cached "
                   "zs[i - 1]: every unit of the three hidden layers gets 1 - tanh(z_out)^2 as its derivative",
         expected=("loop variable", "leftover", "left over", "leaked", "stale variable", "zs[i - 1]", "zs[i-1]",
                   "output pre-activation", "output's pre-activation", "pre-activation of the output", "z_out",
                   "broadcast", "wrong pre-activation", "wrong z", "tanh derivative", "derivative of tanh",
                   "1 - tanh")),
    dict(id="Y11_bce_derivative_denominator", side="numpy",
         args=numpy_net("11_bce_derivative_denominator.py", "LongHandLogistic", *STEP_NP, "--data", "random:32,4",
                        "--hidden-activation", "relu", "--loss", "bce-sum", "--lr", "0.05"),
         mechanism="the BCE derivative typed (p - y) / p * (1 - p), the denominator's parentheses missing: by "
                   "precedence ((p - y) / p) (1 - p) instead of (p - y) / (p (1 - p)), so after the sigmoid's "
                   "p (1 - p) the output delta is (p - y)(1 - p)^2 instead of p - y",
         expected=("precedence", "parenthes", "bracket", "(p * (1 - p))", "p(1-p)", "p (1 - p)", "denominator",
                   "(1 - p)^2", "(1 - p)**2", "(1-p)^2", "(1 - p)²", "(p - y) / p * (1 - p)",
                   "multiplied instead of divided", "instead of dividing", "bce derivative",
                   "derivative of the bce", "cross-entropy derivative")),
    dict(id="Y12_gradient_check_row_view", side="numpy",
         args=numpy_net("12_gradient_check_row_view.py", "CheckedNet", *STEP_NP, "--data", "random:30,5",
                        "--loss", "sse", "--lr", "0.2"),
         mechanism="a gradient check left in train_step saves row = self.W1[0], a view, not a copy: the +h and -2h "
                   "perturbations of W1[0, 0] change the saved row too, so the restore writes back W1[0, 0] - h; "
                   "every step moves W1[0, 0] by an extra -h = -0.001 (every other entry is right)",
         expected=("gradient check", "grad check", "finite difference", "central difference", "perturb",
                   "restore", "view", "copy", "alias", "w1[0, 0]", "w1[0,0]", "one element", "single element",
                   "one entry", "single entry", "0.001", "1e-3")),
    dict(id="Y13_layer_cache_class_attribute", side="numpy",
         args=numpy_net("13_layer_cache_class_attribute.py", "Classifier", *STEP_NP, "--data", "random:40,8,3",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.2"),
         mechanism="Dense keeps its forward input in cache = {}, a class attribute: self.cache['x'] = x writes into "
                   "the one dict shared by every Dense instance, so each layer's backward reads the last Dense "
                   "layer's input (the second hidden activation h2), and the first two weight gradients are "
                   "h2.T @ g instead of X.T @ g and h1.T @ g",
         expected=("class attribute", "class-level", "shared dict", "shared cache", "one dict", "same dict",
                   "all instances", "every instance", "mutable", "overwritten", "overwrites", "last layer's input",
                   "wrong input", "cached input", "h2.t", "instance attribute")),
    dict(id="Y14_output_derivative_in_backward_loop", side="numpy",
         args=numpy_net("14_output_derivative_in_backward_loop.py", "TanhStack", *STEP_NP, "--data", "random:36,4,2",
                        "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "half-mse",
                        "--lr", "0.1"),
         mechanism="the backward loop multiplies by the tanh derivative 1 - a^2 at every layer, the linear output "
                   "included: the output delta is (out - y)(1 - out^2) / size instead of (out - y) / size, while "
                   "the forward pass leaves the output linear",
         expected=("output layer", "linear output", "output is linear", "1 - out^2", "1 - out**2", "1 - out²",
                   "tanh derivative", "derivative of tanh", "extra derivative", "extra factor",
                   "activation derivative", "not applied to the output", "every layer", "all layers",
                   "including the output")),
    dict(id="Y15_tied_decoder_gradient_dropped", side="numpy",
         args=numpy_net("15_tied_decoder_gradient_dropped.py", "TiedAutoencoder", "--torch",
                        F + "15_pair_torch.py:TiedAutoencoder", "--as-written", "--init", "net = TiedAutoencoder()",
                        "--data", F + "autoencoder.npz"),
         mechanism="pair: tied-weight autoencoder, W used by the encoder (X W) and, transposed, by the decoder "
                   "(h W^T); the hand-written gradient keeps only the encoder's X^T d_code and drops the decoder's "
                   "d_out^T h (autograd in the port sums both)",
         expected=("tied", "tied weight", "weight tying", "shared weight", "used twice", "two uses", "both uses",
                   "decoder", "d_out.t @ h", "d_out^t h", "transpose", "sum of both", "missing term",
                   "dropped term", "encoder only", "only the encoder")),
    dict(id="Y16_residual_skip_gradient_dropped", side="numpy",
         args=numpy_net("16_residual_skip_gradient_dropped.py", "ResidualMLP", "--torch",
                        F + "16_pair_torch.py:ResidualMLP", "--as-written", "--init", "net = ResidualMLP()",
                        "--data", ONEHOT, "--batch-size", "12", "--param", "W1=stem.weight.T",
                        "--param", "W2=block.weight.T", "--param", "W3=head.weight.T"),
         mechanism="pair: residual block h2 = h1 + relu(h1 W2 + b2); the hand-written backward sends the error to "
                   "h1 only through the block (d2 W2^T) and drops the identity (skip) path's d_h2, so the first "
                   "layer's W1 and b1 get only part of their gradient",
         expected=("residual", "skip", "skip connection", "skip-connection", "shortcut", "identity",
                   "identity path", "+ d_h2", "d_h2", "missing term", "dropped", "gradient through the skip",
                   "both paths")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="Y17_correct_port_affine_function_parameterlist", side="correct",
         args=port("correct_01_port_affine_function_parameterlist.py", "Net",
                   "--torch-param", "weight.0=W1.T", "--torch-param", "bias.0=b1",
                   "--torch-param", "weight.1=W2.T", "--torch-param", "bias.1=b2",
                   "--torch-param", "weight.2=W3.T", "--torch-param", "bias.2=b3",
                   "--data", "random:42,6,3", "--batch-size", "14", "--hidden-activation", "tanh",
                   "--output-activation", "softmax", "--loss", "ce", "--optimizer", "nesterov",
                   "--momentum", "0.9", "--lr", "0.1"),
         mechanism="port: raw (out, in) weights and biases in two nn.ParameterLists (paired with --torch-param), every "
                   "layer through a hand-written affine autograd.Function (backward grad @ W, grad^T x, "
                   "grad.sum(0)), cross-entropy as -(y * log_softmax(z)).sum() / y.sum() (the row count for one-hot "
                   "targets), the kit's Nesterov, mini-batches", expected=()),
    dict(id="Y18_correct_layer_objects_logsoftmax_backward", side="correct",
         args=numpy_net("correct_02_layer_objects_logsoftmax_backward.py", "Network", *STEP_NP,
                        "--data", "random:45,4,3", "--batch-size", "15", "--shuffle", "--hidden-activation", "tanh",
                        "--output-activation", "softmax", "--loss", "ce", "--optimizer", "momentum",
                        "--momentum", "0.9", "--lr", "0.1"),
         mechanism="NumPy: Linear/Tanh/LogSoftmax/NLL layer objects each with its own backward, no p - y shortcut (the "
                   "NLL hands -y / n to the log-softmax backward g - softmax * sum(g)), tanh derivative "
                   "(1 - a)(1 + a), three tanh hidden layers, heavy-ball velocities keyed by (layer, name), "
                   "shuffled mini-batches", expected=()),
    dict(id="Y19_correct_port_output_hook_mean", side="correct",
         args=port("correct_03_port_output_hook_mean.py", "Net", "--data", "random:40,5",
                   "--hidden-activation", "sigmoid", "--loss", "bce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.5"),
         mechanism="port: sigmoid as an autograd.Function saving its output, summed BCE with a hook on each call's "
                   "output tensor dividing its gradient by the batch size (the mean's gradients), a step-counting "
                   "buffer, accuracy logged under torch.no_grad(); the kit's heavy-ball momentum", expected=()),
]
