"""Twenty-second fresh held-out set for the diagnosis: one planted bug per program in fresh22/
(eight PyTorch ports, five of them checked against a NumPy program of their own, and eight NumPy
programs, two of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is the slips seen most often in code review of from-scratch NumPy
networks and of their PyTorch ports: torch functions and defaults that differ from the NumPy
idiom they replace (log-space helpers, repeat, median, norms, GELU's approximation, Poisson
NLL's log input, an exponential schedule's rate), autocomplete neighbours, and in the NumPy
programs np.dot for an elementwise product, Python closures, a helper's forgotten flag,
copy-paste in Adam, the CS231n and long-hand softmax gradients, mean pooling and BPTT.
fresh22/make_data.py writes the pairs' data. Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh22_cases

Each case:
    id          short name (prefixed I)
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
of the development set (cases.py), fresh/, fresh2/, ..., fresh21/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under
the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh22/"
port, numpy_net = in_folder(F)

COUNTS, SIGNALS, TABLE = F + "counts.npz", F + "signals.npz", F + "table.npz"
INCOMES, CURVE, TOKENS, WAVES = F + "incomes.npz", F + "curve.npz", F + "tokens.npz", F + "waves.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


DENSE = params("W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="I01_sigmoid_classifier_port", side="port",
         args=port("01_sigmoid_classifier_port.py", "Net", "--data", "random:40,5",
                   "--hidden-activation", "sigmoid", "--loss", "bce", "--lr", "0.5"),
         mechanism="the port's stable_sigmoid helper, meant as exp(log sigmoid(z)) like the NumPy version's "
                   "np.exp(-np.logaddexp(0, -z)), returns F.logsigmoid(z) without the .exp(): both hidden layers "
                   "compute log sigmoid(z) = -softplus(-z), negative values in (-inf, 0), with derivative "
                   "sigmoid(-z) = 1 - sigmoid(z), instead of sigmoid(z)",
         expected=("logsigmoid", "log-sigmoid", "log sigmoid", "log σ", "log(sigmoid", "log of the sigmoid",
                   "exp missing", "missing exp", "without the exp", ".exp()", "exponential", "-softplus(-z)",
                   "softplus", "log space", "log-space", "sigmoid(-z)", "1 - sigmoid")),
    dict(id="I02_count_regressor", side="port",
         args=pair("02_count_regressor_numpy.py", "CountRegressor", "02_count_regressor_torch.py", "CountRegressor",
                   "--data", COUNTS, *DENSE),
         mechanism="pair: the port's model returns the expected count rate = exp(z) and scores it with "
                   "F.poisson_nll_loss(rate, y) at its default log_input=True, which reads its input as the log of "
                   "the rate: the loss is exp(rate) - y * rate instead of rate - y * log(rate) (log_input=False "
                   "meant), so the output gradient is (exp(rate) - y) * rate instead of rate - y",
         expected=("log_input", "log input", "poisson_nll_loss", "poisson", "log of the rate", "log-rate",
                   "log rate", "exp(rate)", "exp(exp", "exponentiated twice", "exp applied twice", "twice",
                   "rate - y * log", "default", "nll")),
    dict(id="I03_signal_smoother", side="port",
         args=pair("03_signal_smoother_numpy.py", "SignalSmoother", "03_signal_smoother_torch.py", "SignalSmoother",
                   "--data", SIGNALS, *params("W_enc=encode.weight.T", "b_enc=encode.bias",
                                             "W_dec=decode.weight.T", "b_dec=decode.bias")),
         mechanism="pair: np.repeat(h, 2, axis=1) (each of the 4 features repeated in place: h0 h0 h1 h1 ...) is "
                   "ported as h.repeat(1, 2), which tiles the whole row (h0 h1 h2 h3 h0 h1 h2 h3) like np.tile; "
                   "torch's repeat_interleave is np.repeat: the decoder's 8 inputs are permuted, so its weights "
                   "meet other features than in the NumPy program",
         expected=("repeat_interleave", "np.repeat", "torch.repeat", ".repeat(", "repeat(1, 2)", "tile",
                   "tiles", "np.tile", "interleave", "upsampl", "permut", "order of the features",
                   "feature order", "nearest-neighbour", "nearest neighbor", "duplicat")),
    dict(id="I04_tanh_regressor_port", side="port",
         args=port("04_tanh_regressor_port.py", "Net", "--data", "random:36,4,2", "--hidden-activation", "tanh",
                   "--output-activation", "linear", "--loss", "mse", "--optimizer", "nesterov",
                   "--momentum", "0.9", "--lr", "0.05"),
         mechanism="autocomplete slip in the port's nn.Sequential: the first hidden layer's activation is "
                   "nn.Tanhshrink(), x - tanh(x), instead of nn.Tanh(); its derivative is tanh(x)^2 = 1 - tanh'(x) "
                   "(the second hidden layer is right)",
         expected=("tanhshrink", "tanh shrink", "x - tanh", "z - tanh", "x − tanh", "tanh(x)^2", "tanh^2",
                   "tanh²", "autocomplete", "first hidden layer", "wrong activation", "activation",
                   "instead of tanh", "nn.tanh")),
    dict(id="I05_adam_classifier_port", side="port",
         args=port("05_adam_classifier_port.py", "Net", *OPT, "--data", "random:48,5,4", "--batch-size", "16",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--lr", "0.01", "--weight-decay", "0.01"),
         mechanism="the port's L2 penalty 0.5 * WD * sum ||p||^2 (in place of Adam's weight_decay) is written with "
                   "torch.linalg.norm(p, 2): for the weight matrices ord=2 is the spectral norm (the largest "
                   "singular value), not the Frobenius/entrywise norm, so the decay term is WD * sigma1 u1 v1^T "
                   "instead of WD * W (right for the 1-d biases)",
         expected=("spectral", "largest singular value", "singular value", "ord=2", "ord 2", "linalg.norm",
                   "matrix norm", "operator norm", "frobenius", "weight decay", "weight_decay", "l2 penalty",
                   "l2", "penalty", "sigma1", "σ1")),
    dict(id="I06_gelu_classifier", side="port",
         args=pair("06_gelu_classifier_numpy.py", "GeluClassifier", "06_gelu_classifier_torch.py", "GeluClassifier",
                   "--data", TABLE, *params("W[0]=net.0.weight.T", "b[0]=net.0.bias", "W[1]=net.2.weight.T",
                                           "b[1]=net.2.bias", "W[2]=net.4.weight.T", "b[2]=net.4.bias")),
         mechanism="pair: the NumPy program's GELU is the tanh approximation 0.5 x (1 + tanh(sqrt(2/pi)(x + "
                   "0.044715 x^3))) (GPT-2 style); the port's nn.GELU() defaults to approximate='none', the exact "
                   "x Phi(x) with erf: the two hidden layers' activations and derivatives differ by up to a few "
                   "1e-4 (approximate='tanh' meant)",
         expected=("approximate", "tanh approximation", "approximation", "approximate='tanh'",
                   'approximate="tanh"', "exact gelu", "erf", "phi(x)", "0.044715", "gpt-2", "gpt2",
                   "gelu", "default")),
    dict(id="I07_income_classifier", side="port",
         args=pair("07_income_classifier_numpy.py", "IncomeClassifier", "07_income_classifier_torch.py",
                   "IncomeClassifier", "--init", "net = IncomeClassifier(X, y)",
                   "--torch-init", "model = IncomeClassifier(X)", "--data", INCOMES, *DENSE),
         mechanism="pair: the robust-scaling centre np.median(X, axis=0) is ported as X.median(dim=0).values; "
                   "with an even number of rows (40) torch.median returns the lower of the two middle values "
                   "where np.median averages them (torch.quantile(X, 0.5) meant), so every input feature is "
                   "shifted by half the gap between the 20th and 21st values",
         expected=("median", "torch.median", "np.median", "lower of the two", "lower median", "middle values",
                   "two middle", "average of the two", "even number", "quantile", "centre", "center", "shift",
                   "robust", "scaling")),
    dict(id="I08_surface_regressor", side="port",
         args=pair("08_surface_regressor_numpy.py", "SurfaceRegressor", "08_surface_regressor_torch.py",
                   "SurfaceRegressor", "--data", CURVE, *DENSE),
         mechanism="pair: the NumPy program's learning rate LR0 exp(-DECAY t) with DECAY = 0.05 is ported as "
                   "ExponentialLR(gamma=DECAY): gamma is the factor per step, exp(-DECAY) = 0.951, not the rate "
                   "constant, so the port's rate is LR0 * 0.05^t (right on step 1, 0.05 LR0 on step 2, then "
                   "vanishing) instead of LR0 * 0.951^t",
         expected=("exponentiallr", "gamma", "exp(-decay)", "exp(-0.05)", "0.951", "0.05^t", "0.05 ** t",
                   "decay rate", "decay constant", "per step", "schedule", "learning rate", "lr", "vanish",
                   "collapses")),
    # ------------------------------------------------------------------ NumPy networks
    dict(id="I09_sigmoid_network", side="numpy",
         args=numpy_net("09_sigmoid_network.py", "NeuralNetwork", "--step", "net.train(X, y)",
                        "--data", "random:32,5", "--batch-size", "8", "--hidden-activation", "sigmoid",
                        "--loss", "mse", "--lr", "0.5"),
         mechanism="the hidden delta is np.dot(hidden_error, h * (1 - h)), a matrix product, where the elementwise "
                   "product hidden_error * h * (1 - h) belongs; it runs only because the mini-batch of 8 rows "
                   "equals the 8 hidden units (an (8, 8) @ (8, 8) product mixing rows and units)",
         expected=("np.dot", "dot product", "matrix product", "matrix multiplication", "matmul", "elementwise",
                   "element-wise", "element wise", "hadamard", "* instead of", "instead of *",
                   "batch size equals", "8 rows", "square", "hidden delta")),
    dict(id="I10_softmax_classifier", side="numpy",
         args=numpy_net("10_softmax_classifier.py", "SoftmaxClassifier", "--init", "SoftmaxClassifier()",
                        "--step", "net.train_step(X, y)", "--data", "random:45,4,3", "--batch-size", "15",
                        "--hidden-activation", "tanh", "--output-activation", "softmax", "--loss", "ce",
                        "--lr", "0.1"),
         mechanism="the softmax's backward (Jacobian-vector product) is written p * (g - sum(g)) instead of "
                   "p * (g - sum(g * p)): the sum over the classes lacks the weighting by p; with g = -y / (n p) "
                   "the logit gradient becomes (p / p_target - y) / n instead of (p - y) / n",
         expected=("jacobian", "jacobian-vector", "vector-jacobian", "sum(g * p)", "sum(g*p)", "g * p", "g·p",
                   "weighted by p", "weighting", "missing p", "without p", "p / p_target", "softmax backward",
                   "softmax gradient", "softmax derivative")),
    dict(id="I11_relu_softmax_net", side="numpy",
         args=numpy_net("11_relu_softmax_net.py", "TwoLayerNet", "--step", "net.train_step(X, y)",
                        "--data", "random:48,5,4", "--batch-size", "12", "--hidden-activation", "relu",
                        "--output-activation", "softmax", "--loss", "ce", "--lr", "0.3"),
         mechanism="CS231n-style score gradient with the two lines' order changed: dscores = probs / n first, "
                   "then dscores[range(n), labels] -= 1 subtracts the full 1 instead of 1 / n, so the logit "
                   "gradient is p / n - y instead of (p - y) / n (the target term n = 12 times too large)",
         expected=("/ num_examples", "/ n", "1 / n", "1/n", "divided before", "divide before", "before subtract",
                   "order", "p / n - y", "p/n - y", "-= 1", "target term", "12 times", "n times",
                   "not divided", "dscores")),
    dict(id="I12_xor_network", side="numpy",
         args=numpy_net("12_xor_network.py", "NeuralNetwork", "--step", "net.train(X, y)",
                        "--param", "syn0=W1", "--param", "syn1=W2", "--loss", "half-sse", "--lr", "1"),
         mechanism="the hidden delta calls nonlin(l1) without deriv=True: the helper returns the sigmoid applied "
                   "again, sigmoid(l1) = sigmoid(sigmoid(z)), instead of the derivative l1 * (1 - l1); the "
                   "output layer's delta is right",
         expected=("deriv=true", "deriv flag", "derivative flag", "flag", "nonlin(l1)", "sigmoid(sigmoid",
                   "σ(σ", "sigmoid applied twice", "sigmoid instead of its derivative", "instead of the derivative",
                   "l1 * (1 - l1)", "a (1 - a)", "a(1 - a)", "hidden delta", "hidden layer")),
    dict(id="I13_config_network", side="numpy",
         args=numpy_net("13_config_network.py", "ConfigNetwork", "--init", "ConfigNetwork()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,4,2",
                        "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
                        "--lr", "0.1"),
         mechanism="the derivative table is built as [lambda a: DERIVATIVES[name](a) for name in activations]: "
                   "Python closures bind name late, so every lambda looks up the last name, 'identity', and both "
                   "tanh hidden layers are back-propagated with derivative 1 instead of 1 - a^2 (as if linear)",
         expected=("late binding", "late-binding", "closure", "lambda", "loop variable", "last name",
                   "last activation", "identity", "derivative 1", "derivative of 1", "as if linear",
                   "linear hidden", "1 - a^2", "1 - a**2", "tanh derivative", "missing derivative")),
    dict(id="I14_adam_classifier", side="numpy",
         args=numpy_net("14_adam_classifier.py", "AdamClassifier", "--init", "AdamClassifier()",
                        "--step", "net.train_step(X, y)", "--data", "random:40,5", "--hidden-activation", "relu",
                        "--loss", "bce", "--optimizer", "adam", "--lr", "0.01"),
         mechanism="copy-paste in Adam: the first moment accumulates the squared gradient, m = beta1 m + "
                   "(1 - beta1) g^2, like the second moment's line, instead of g: m_hat >= 0 loses the gradient's "
                   "sign, so every parameter steps down (by about lr) whatever the sign of its gradient",
         expected=("g ** 2", "g**2", "g^2", "g²", "squared gradient", "first moment", "m = beta1",
                   "copy-paste", "copy paste", "sign", "never negative", "non-negative", "nonnegative",
                   "always positive", "exp_avg")),
    dict(id="I15_token_classifier", side="numpy",
         args=pair("15_token_classifier_numpy.py", "TokenClassifier", "15_token_classifier_torch.py",
                   "TokenClassifier", "--data", TOKENS,
                   *params("E=emb.weight", "W1=fc1.weight.T", "b1=fc1.bias", "W2=fc2.weight.T", "b2=fc2.bias")),
         mechanism="pair: the mean pooling's backward scatters the pooled gradient onto every token's embedding "
                   "row without the 1 / L of the mean (L = 5 tokens per sequence): the embedding table's gradient "
                   "is 5 times too large (the forward pass averages correctly)",
         expected=("mean pooling", "mean-pooling", "average pooling", "pooling", "1 / l", "1/l", "/ l",
                   "sequence length", "5 times", "five times", "factor 5", "factor of 5", "embedding",
                   "np.add.at", "scatter")),
    dict(id="I16_wave_predictor", side="numpy",
         args=pair("16_wave_predictor_numpy.py", "WavePredictor", "16_wave_predictor_torch.py", "WavePredictor",
                   "--data", WAVES, *params("Wx=x2h.weight.T", "b=x2h.bias", "Wh=h2h.weight.T",
                                           "Wy=readout.weight.T", "by=readout.bias")),
         mechanism="pair: in back-propagation through time the gradient arriving from the next step, dh_next, "
                   "is computed but never added: dh = dy_t @ Wy^T instead of dy_t @ Wy^T + dh_next, so each "
                   "step's loss reaches the recurrence one step back only (truncated BPTT of length 1); Wx, Wh "
                   "and b get too little gradient, Wy and by are right",
         expected=("dh_next", "dhnext", "next step", "through time", "bptt", "truncat", "one step",
                   "recurrent gradient", "carried", "not added", "never added", "earlier steps", "wh",
                   "recurrence")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="I17_correct_einsum_port", side="correct",
         args=port("correct_01_einsum_port.py", "Net", "--data", "random:48,5,3", "--batch-size", "12",
                   "--hidden-activation", "relu", "--output-activation", "softmax", "--loss", "ce",
                   "--optimizer", "adam", "--lr", "0.01"),
         mechanism="port: every layer as torch.einsum('ni,oi->no') against the nn.Linear weight plus its bias, "
                   "ReLU as torch.where, the cross-entropy summed and divided by y.sum() (the number of one-hot "
                   "rows); the kit's Adam", expected=()),
    dict(id="I18_correct_stacked_adam_net", side="correct",
         args=numpy_net("correct_02_stacked_adam_net.py", "StackedAdamNet", "--init", "StackedAdamNet()",
                        "--step", "net.train_step(X, y)", "--data", "random:36,6", "--hidden-activation", "tanh",
                        "--loss", "bce-sum", "--optimizer", "adam", "--lr", "0.01",
                        *params("theta['w_in']=W1", "theta['b_in']=b1", "theta['w_out']=W2", "theta['b_out']=b2")),
         mechanism="NumPy: Adam whose two moments per parameter live in one stacked array (state[k] = [m, v]) with "
                   "the betas and bias corrections as 2-vectors, summed BCE from the logit with np.logaddexp, "
                   "weight gradients through np.einsum", expected=()),
    dict(id="I19_correct_softplus_regressor", side="correct",
         args=pair("correct_03_softplus_regressor_numpy.py", "SoftplusRegressor",
                   "correct_03_softplus_regressor_torch.py", "SoftplusRegressor", "--data", CURVE,
                   *params("W1=hidden.0.weight.T", "b1=hidden.0.bias", "W2=out.weight.T", "b2=out.bias")),
         mechanism="pair: softplus hidden units as np.logaddexp(0, z) with the derivative written "
                   "0.5 (1 + tanh(z / 2)), half MSE, Nesterov in Sutskever's form (v = mu v - lr g; "
                   "w += mu v - lr g, the buffer named inertia) against nn.Softplus and "
                   "SGD(momentum=0.9, nesterov=True)", expected=()),
]
