"""Seventh fresh held-out set for the diagnosis: one planted bug per program in fresh7/ (eight
PyTorch ports checked against the kit's NumPy network, eight NumPy programs checked against
the kit's torch twin) and three correct programs in unusual styles. Same format as
cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh7_cases

Each case:
    id          short name (prefixed M)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules. The mechanisms differ from those of
the development set (cases.py), fresh/, fresh2/, fresh3/, fresh4/, fresh5/ and fresh6/. Each
buggy program was checked to fail (exit 1) and its fix (the bug the only difference) to pass
(exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

port, numpy_net = in_folder("scripts/diagnosis_sets/fresh7/")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="M01_logits_into_mse", side="port",
         args=port("01_logits_into_mse.py", "Scorer", "--data", "random:40,5",
                   "--hidden-activation", "tanh", "--output-activation", "sigmoid", "--loss", "mse",
                   "--lr", "0.5"),
         mechanism="forward returns logits (the sigmoid lives in a separate predict_proba) and train_step takes "
                   "F.mse_loss(model(X), y) on them: the output sigmoid is missing from the trained model, the "
                   "squared error is measured on the raw scores",
         expected=("logit", "without the sigmoid", "sigmoid missing", "missing sigmoid", "sigmoid is missing",
                   "no sigmoid", "sigmoid left out", "sigmoid was left out", "before the sigmoid",
                   "output activation missing", "missing output activation", "no output activation",
                   "without the output activation", "without an output activation", "linear output",
                   "output-activation linear", "raw score", "raw output", "pre-activation output",
                   "predict_proba", "unsquashed")),
    dict(id="M02_per_sample_optimizer_steps", side="port",
         args=port("02_per_sample_optimizer_steps.py", "Net", "--data", "random:16,4",
                   "--hidden-activation", "relu", "--output-activation", "linear", "--loss", "half-sse",
                   "--lr", "0.01"),
         mechanism="train_step loops over the rows with an accumulation counter step_every = 1 (meant len(X)): "
                   "optimizer.step() runs after every sample, 16 online updates per batch where the NumPy "
                   "network makes one full-batch update",
         expected=("per sample", "per-sample", "per row", "per-row", "each sample", "each row", "every sample",
                   "every row", "online", "sample by sample", "row by row", "inside the loop", "in the loop",
                   "one update per", "updates per step", "updates per batch", "several updates",
                   "multiple updates", "many updates", "16 updates", "n updates", "step_every",
                   "accumulation", "stochastic")),
    dict(id="M03_autocast_bfloat16", side="port",
         args=port("03_autocast_bfloat16.py", "Classifier", "--data", "random:48,6,3",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="train_step copied from mixed-precision code runs the forward and the loss under "
                   "torch.autocast(dtype=torch.bfloat16): the linear layers compute in bfloat16 where the "
                   "NumPy network computes in float32",
         expected=("autocast", "bfloat16", "bf16", "mixed precision", "mixed-precision", "half precision",
                   "half-precision", "reduced precision", "lower precision", "low precision", "low-precision",
                   "16-bit", "16 bit", "precision of the forward", "float16")),
    dict(id="M04_sorted_layer_keys", side="port",
         args=port("04_sorted_layer_keys.py", "KeyedNet", "--data", "random:40,6",
                   "--hidden-activation", "tanh", "--loss", "bce", "--optimizer", "nesterov",
                   "--momentum", "0.9", "--lr", "0.1"),
         mechanism="layers kept in an nn.ModuleDict {'input', 'hidden', 'output'} (6-6-6-1) and applied in "
                   "sorted(self.layers) order: alphabetically 'hidden' runs before 'input', the two equal-width "
                   "hidden layers are applied in swapped order",
         expected=("wrong order", "layer order", "order of the layers", "order of layers", "out of order",
                   "sorted", "alphabetical", "swapped", "reversed", "hidden before input", "w2 before w1",
                   "w2 applied first", "w2 first", "exchanged", "interchanged", "first and second hidden",
                   "applied in the wrong")),
    dict(id="M05_adam_v_correction_outside_sqrt", side="port",
         args=port("05_adam_v_correction_outside_sqrt.py", "RawRegressor", *OPT,
                   "--torch-param", "W1=W1", "--torch-param", "b1=b1",
                   "--torch-param", "W2=W2", "--torch-param", "b2=b2",
                   "--data", "random:32,4", "--hidden-activation", "sigmoid", "--output-activation", "linear",
                   "--loss", "mse", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="hand-written Adam (a plain class over raw nn.Parameters) divides by sqrt(v) / (1 - beta2^t) "
                   "+ eps: the second moment's bias correction is applied outside the square root, not under it "
                   "(sqrt(v / (1 - beta2^t))); the first step is 1/sqrt(1000) = 0.0316 of Adam's",
         expected=("outside the root", "outside the square root", "outside the sqrt", "not under the",
                   "under the square root", "inside the square root", "inside the sqrt", "square root",
                   "square-root", "sqrt", "√", "bias correction", "bias-correction", "correction of v",
                   "v_hat", "v̂", "second moment", "exp_avg_sq", "1 - beta2", "1 - β2", "denominator",
                   "31.6", "0.0316", "sqrt(1000)", "√1000")),
    dict(id="M06_modules_params_repeated", side="port",
         args=port("06_modules_params_repeated.py", "Net", *OPT, "--data", "random:36,5",
                   "--hidden-activation", "relu", "--loss", "bce", "--optimizer", "momentum",
                   "--momentum", "0.9", "--lr", "0.05"),
         mechanism="make_optimizer collects [p for m in model.modules() for p in m.parameters()]: parameters() "
                   "recurses, so each parameter is listed three times (the model, the nn.Sequential, its Linear) "
                   "and SGD(momentum) updates it and its buffer three times per step",
         expected=("duplicate", "twice", "three times", "3 times", "3x", "×3", "x3", "repeated", "more than once",
                   "modules()", "recurse", "listed three", "listed twice", "listed more", "tripled", "triple",
                   "several times", "multiple times", "5.61", "same parameter", "parameter group")),
    dict(id="M07_targets_plus_minus_one", side="port",
         args=port("07_targets_plus_minus_one.py", "Net", "--data", "random:40,4",
                   "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
                   "--lr", "0.1"),
         mechanism="train_step re-codes the 0/1 targets as -1/+1 (2 * y - 1, from margin-style code) before the "
                   "MSE: the port regresses onto different targets from the NumPy network's",
         expected=("2y - 1", "2 * y - 1", "2*y - 1", "2*y-1", "2y-1", "±1", "+/-1", "-1 and 1", "-1 and +1",
                   "{-1, 1}", "{-1, +1}", "-1/+1", "-1/1", "recoded", "re-coded", "recode", "rescaled target",
                   "target rescal", "targets rescal", "scaled target", "shifted target", "target shift",
                   "targets shifted", "different target", "targets differ", "target transform",
                   "transformed target", "label encoding", "affine")),
    dict(id="M08_tanh_twice_hidden", side="port",
         args=port("08_tanh_twice_hidden.py", "BlockNet", "--data", "random:50,4,3", "--batch-size", "10",
                   "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce-sum",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="each hidden block is nn.Sequential(Linear, Tanh) and forward applies torch.tanh again to the "
                   "block's output: both hidden layers compute tanh(tanh(z))",
         expected=("twice", "tanh(tanh", "tanh of tanh", "tanh applied twice", "double tanh", "doubled activation",
                   "activation applied twice", "applied twice", "two tanh", "second tanh", "extra tanh",
                   "redundant tanh", "nested tanh", "already activated", "already-activated", "already includes",
                   "already contains", "nn.tanh()")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="M09_softmax_diagonal_jacobian", side="numpy",
         args=numpy_net("09_softmax_diagonal_jacobian.py", "LayerStack", "--step", "net.train_step(X, y)",
                        "--data", "random:45,4,3", "--hidden-activation", "sigmoid", "--output-activation",
                        "softmax", "--loss", "ce", "--lr", "0.5"),
         mechanism="cross-entropy written long-hand (dL/dp = -y / p) and back-propagated through the softmax with "
                   "an elementwise derivative p (1 - p), the Jacobian's diagonal only: the cross terms -p_i p_j "
                   "are dropped, the logit gradient is -y (1 - p) and the non-target classes get none",
         expected=("jacobian", "diagonal", "cross term", "cross-term", "off-diagonal", "elementwise derivative",
                   "element-wise derivative", "p (1 - p)", "p(1-p)", "p * (1 - p)", "p*(1-p)",
                   "like a sigmoid", "as a sigmoid", "as if it were a sigmoid", "sigmoid derivative",
                   "softmax derivative", "derivative of the softmax", "softmax backward", "non-target",
                   "other classes", "-y (1 - p)", "-y(1-p)", "-p_i p_j")),
    dict(id="M10_outer_of_batch_means", side="numpy",
         args=numpy_net("10_outer_of_batch_means.py", "TanhBinary", "--step", "net.train_step(X, y)",
                        "--data", "random:32,5", "--hidden-activation", "tanh", "--loss", "bce",
                        "--optimizer", "momentum", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="first weight's gradient vectorised as np.outer(X.mean(axis=0), d1.sum(axis=0)), the outer "
                   "product of the batch's average input and summed delta, instead of X.T @ d1, the sum of the "
                   "rows' outer products",
         expected=("outer product", "np.outer", "outer(", "product of the sums", "product of sums",
                   "product of the means", "product of means", "product of the averages", "sum of products",
                   "sum of the products", "mean input", "average input", "averaged input", "x.mean", "x_bar",
                   "x̄", "batch mean", "batch average", "averaged over the batch", "averaged before",
                   "summed before", "rank-1", "rank 1", "rank-one", "rank one", "x.t @ d1", "cross terms")),
    dict(id="M11_adam_double_bias_correction", side="numpy",
         args=numpy_net("11_adam_double_bias_correction.py", "AdamRegressor", "--step", "net.step(X, y)",
                        "--data", "random:40,5", "--hidden-activation", "relu", "--output-activation", "linear",
                        "--loss", "half-mse", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="Adam written with both forms of the bias correction at once: the Kingma-Ba step size "
                   "lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t) applied to the already corrected m_hat / "
                   "(sqrt(v_hat) + eps): the correction counted twice, the first step 0.316 of Adam's",
         expected=("twice", "double", "applied twice", "corrected twice", "correction twice", "both forms",
                   "lr_t", "sqrt(1 - beta2", "sqrt(1 - β2", "√(1 - β2", "sqrt(1 - b2", "kingma",
                   "effective learning rate", "effective step", "0.316", "sqrt(10)", "√10", "1/sqrt(10)",
                   "bias correction", "bias-correction")),
    dict(id="M12_nesterov_terms_swapped", side="numpy",
         args=numpy_net("12_nesterov_terms_swapped.py", "NesterovSoftmax", "--step", "net.train_step(X, y)",
                        "--data", "random:36,4,3", "--hidden-activation", "relu", "--output-activation", "softmax",
                        "--loss", "ce", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.1"),
         mechanism="Nesterov in torch's form v = mu v + g with the update written lr (v + mu g) instead of "
                   "lr (g + mu v): the velocity and the gradient exchanged in the look-ahead (equal on step 1; "
                   "afterwards the old velocity decays by mu instead of mu^2)",
         expected=("g + mu * v", "g + mu v", "g + μ v", "g + μv", "g + μ·v", "v + mu * g", "v + mu g", "v + μ g",
                   "v + μg", "v + μ·g", "swapped", "exchanged", "interchanged", "look-ahead", "lookahead",
                   "mu * g", "μ g", "nesterov term", "nesterov correction", "nesterov update", "nesterov step",
                   "velocity and the gradient", "gradient and the velocity", "mu^2", "mu²", "μ²", "mu**2")),
    dict(id="M13_flat_grad_pack_order", side="numpy",
         args=numpy_net("13_flat_grad_pack_order.py", "FlatNet",
                        "--data", "random:30,4", "--hidden-activation", "sigmoid", "--loss", "half-sse",
                        "--optimizer", "momentum", "--momentum", "0.8", "--lr", "0.2"),
         mechanism="adapter over one flat parameter vector packed W1, b1, W2, b2; the flat gradient is packed "
                   "gW1, gW2, gb1, gb2: with 6 hidden units and one output, b1 receives W2's gradient and W2 "
                   "receives b1's (the two 6-element blocks exchanged)",
         expected=("pack", "packing", "packed", "wrong order", "concatenat", "flat", "offset", "slice",
                   "exchanged", "swapped", "interchanged", "b1 receives", "b1 gets", "w2 receives", "w2 gets",
                   "b1 and w2", "w2 and b1", "w2's gradient", "b1's gradient", "gradient of w2", "gradient of b1",
                   "misaligned", "misplaced", "wrong parameter", "another parameter", "other parameter")),
    dict(id="M14_adam_v_missing_one_minus_beta2", side="numpy",
         args=numpy_net("14_adam_v_missing_one_minus_beta2.py", "DenseAdamNet", "--step", "net.fit(X, y)",
                        "--param", "layers[0].W=W1", "--param", "layers[0].b=b1",
                        "--param", "layers[1].W=W2", "--param", "layers[1].b=b2",
                        "--param", "layers[2].W=W3", "--param", "layers[2].b=b3",
                        "--data", "random:48,5", "--batch-size", "12", "--hidden-activation", "tanh",
                        "--loss", "bce", "--optimizer", "adam", "--lr", "0.005"),
         mechanism="Adam's second moment updated v = beta2 v + g^2 without the (1 - beta2) factor: v is about "
                   "1000 times too large and the first step 1/sqrt(1000) = 0.0316 of Adam's",
         expected=("1 - beta2", "1 - β2", "(1 - b2)", "1-beta2", "1-β2", "1 - b2", "factor missing",
                   "missing factor", "missing the (1", "without the (1", "second moment", "exp_avg_sq",
                   "v accumulates", "sum of squared", "31.6", "0.0316", "sqrt(1000)", "√1000", "1000")),
    dict(id="M15_stable_sigmoid_branch_typo", side="numpy",
         args=numpy_net("15_stable_sigmoid_branch_typo.py", "StableSigmoidNet", "--step", "net.train(X, y)",
                        "--data", "random:40,4", "--loss", "bce-sum", "--lr", "0.05"),
         mechanism="numerically stable sigmoid np.where(z >= 0, 1 / (1 + exp(-z)), exp(z) / (1 + exp(-z))): the "
                   "negative branch has exp(-z) in its denominator where exp(z) belongs, so sigmoid is wrong for "
                   "every negative pre-activation (hidden and output) while the backward keeps a (1 - a)",
         expected=("stable sigmoid", "numerically stable", "negative branch", "negative z", "negative input",
                   "negative pre-activation", "negative argument", "negative values", "z < 0", "z<0",
                   "np.where", "branch", "exp(z) / (1 + exp(-z))", "exp(z)/(1+exp(-z))", "1 + np.exp(z)",
                   "1 + exp(z)", "sign of the exponent", "sigmoid is wrong", "wrong sigmoid",
                   "sigmoid function", "sigmoid implementation", "typo")),
    dict(id="M16_tanh_derivative_applied_twice", side="numpy",
         args=numpy_net("16_tanh_derivative_applied_twice.py", "TanhRegressor", "--step", "net.train_step(X, y)",
                        "--param", "layers[0].W=W1", "--param", "layers[0].b=b1",
                        "--param", "layers[1].W=W2", "--param", "layers[1].b=b2",
                        "--param", "layers[2].W=W3", "--param", "layers[2].b=b3",
                        "--data", "random:30,4", "--hidden-activation", "tanh", "--output-activation", "linear",
                        "--loss", "sse", "--lr", "0.01"),
         mechanism="the network's backward loop multiplies the incoming gradient by the layer's tanh derivative "
                   "(1 - a^2) and the layer's own backward() multiplies by it again: every hidden delta carries "
                   "(1 - a^2)^2",
         expected=("twice", "applied twice", "squared", "(1 - a²)²", "(1 - a**2)**2", "(1 - a ** 2) ** 2",
                   "(1 - a^2)^2", "(1-a^2)^2", "derivative twice", "double", "doubled", "tanh' twice",
                   "tanh derivative", "derivative of tanh", "derivative of the tanh", "local_grad",
                   "already multiplies", "already applies", "already applied", "extra factor", "extra (1 - a")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="M17_correct_augmented_bias_ema_adapter", side="correct",
         args=numpy_net("correct_01_augmented_bias_ema_adapter.py", "AugmentedNet",
                        "--data", "random:40,4", "--hidden-activation", "sigmoid", "--loss", "half-sse",
                        "--optimizer", "ema-momentum", "--momentum", "0.9", "--lr", "0.5"),
         mechanism="NumPy through the adapter protocol: each layer one augmented (in + 1, out) matrix whose last "
                   "row is the bias (inputs padded with a column of ones, the bias row dropped when "
                   "back-propagating), two sigmoid hidden layers, half SSE, momentum as an exponential moving "
                   "average from zero", expected=()),
    dict(id="M18_correct_port_torch_func_grad", side="correct",
         args=port("correct_02_port_torch_func_grad.py", "DeepTanh",
                   "--data", "random:40,3", "--hidden-activation", "tanh", "--output-activation", "linear",
                   "--loss", "mse", "--optimizer", "nesterov", "--momentum", "0.9", "--lr", "0.05"),
         mechanism="port: three tanh hidden layers in an nn.ModuleList, the gradients computed with "
                   "torch.func.grad over torch.func.functional_call on a detached parameter dict and written "
                   "into .grad by hand before the kit's Nesterov optimizer.step()", expected=()),
    dict(id="M19_correct_tape_autodiff", side="correct",
         args=numpy_net("correct_03_tape_autodiff.py", "TapeMLP", "--step", "net.train_step(X, y)",
                        "--data", "random:50,4,3", "--batch-size", "10", "--shuffle",
                        "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                        "--optimizer", "adam", "--lr", "0.01"),
         mechanism="NumPy with a tiny reverse-mode autodiff: each operation (matmul, add, relu, log-softmax "
                   "cross-entropy) records a backward closure on a tape that is replayed in reverse, two ReLU "
                   "hidden layers, Adam, shuffled mini-batches", expected=()),
]
