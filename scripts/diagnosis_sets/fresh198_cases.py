"""One hundred and ninety-eighth fresh held-out set for the diagnosis: one planted bug per program in
fresh198/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is hypernetworks and
conditional layers: a FiLM-conditioned MLP (a conditioning vector taken from part of X produces a
per-unit scale gamma and shift beta applied to the hidden pre-activations) trained with SGD with
Nesterov momentum, and a tiny per-sample hypernetwork whose output is reshaped into the main
network's weight matrix, trained with Adagrad.

The base programs (data from fresh198/make_data.py, fixed seed, nothing random while training):

    film_numpy.py:FiLMNet / film_torch.py:FiLMNet, film.npz X (32, 10), y (32,) in {0, 1, 2}
        x = X[:, :6], c = X[:, 6:]; h = x W1 + b1 (16 units); gamma = 1 + c Wg + bg;
        beta = c Wb + bb; a = relu(gamma * h + beta); logits = a W2 + b2; softmax cross-entropy,
        mean over the batch. NumPy weights kept (in, out). SGD lr 0.1, momentum 0.9, Nesterov
        as torch.optim.SGD(nesterov=True): v = mu v + g; p -= lr (g + mu v).
    hyper_numpy.py:HyperNet / hyper_torch.py:HyperNet, hyper.npz X (32, 9), y (32, 1)
        z = X[:, :3] (task embedding), x = X[:, 3:]; each sample's weights
        W_n = reshape(z_n H + hb, (6, 8)) / sqrt(6) (row-major); h = tanh(x_n W_n + b1);
        out = h w2 + b2; MSE (mean). H kept (3, 48) (torch hyper.weight.T). Adagrad lr 0.05,
        eps 1e-10 outside the square root, as torch.optim.Adagrad.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh198_cases

Each case:
    id          short name (prefixed VP)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh198/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def film(numpy="film_numpy.py", port="film_torch.py", T=".T"):
    return [F + numpy + ":FiLMNet", "--torch", F + port + ":FiLMNet",
            "--data", F + "film.npz", "--as-written",
            "--param", f"params['W1']=fc1.weight{T}",
            "--param", "params['b1']=fc1.bias",
            "--param", f"params['Wg']=film_gamma.weight{T}",
            "--param", "params['bg']=film_gamma.bias",
            "--param", f"params['Wb']=film_beta.weight{T}",
            "--param", "params['bb']=film_beta.bias",
            "--param", f"params['W2']=out.weight{T}",
            "--param", "params['b2']=out.bias", *RUN]


def hyper(numpy="hyper_numpy.py", port="hyper_torch.py", H="hyper.weight.T", hb="hyper.bias",
          w2="head.weight.T", b2="head.bias"):
    return [F + numpy + ":HyperNet", "--torch", F + port + ":HyperNet",
            "--data", F + "hyper.npz", "--as-written",
            "--param", f"params['H']={H}",
            "--param", f"params['hb']={hb}",
            "--param", "params['b1']=b1",
            "--param", f"params['w2']={w2}",
            "--param", f"params['b2']={b2}", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VP01", "side": "port", "args": film(port="01_filmafterrelu_port.py"),
     "mechanism": "FiLM applied after the ReLU (gamma * relu(h) + beta) where the NumPy program "
                  "modulates the pre-activation (relu(gamma * h + beta))",
     "expected": ("film", "relu", "order", "before", "after", "activation")},
    {"id": "VP02", "side": "port", "args": film(port="02_condslice_port.py"),
     "mechanism": "conditioning slice off by one: c = X[:, 5:9] (last feature column in, last "
                  "conditioning column out) instead of X[:, 6:]",
     "expected": ("off-by-one", "off by one", "slice", "index", "column", "conditioning")},
    {"id": "VP03", "side": "port", "args": film(port="03_weightdecay_port.py"),
     "mechanism": "torch.optim.SGD given weight_decay=5e-4 (copied from a template) that the "
                  "NumPy Nesterov SGD does not apply",
     "expected": ("weight decay", "weight_decay", "decay", "l2")},
    {"id": "VP04", "side": "port", "args": hyper(port="04_viewlayout_port.py"),
     "mechanism": "hypernetwork output reshaped as view(-1, 8, 6).transpose(1, 2) (column-major) "
                  "instead of the row-major view(-1, 6, 8) of the NumPy reshape",
     "expected": ("reshape", "view", "layout", "transpose", "order")},
    {"id": "VP05", "side": "port", "args": hyper(port="05_msebroadcast_port.py"),
     "mechanism": "output squeezed to (N,) while y stays (N, 1): F.mse_loss broadcasts to an "
                  "(N, N) difference matrix",
     "expected": ("broadcast", "shape", "squeeze", "(n, n)", "mse")},
    {"id": "VP06", "side": "port", "args": film(port="06_betadetach_port.py"),
     "mechanism": "FiLM shift beta detached (film_beta(c).detach()): film_beta gets no gradient "
                  "and is never updated",
     "expected": ("detach", "no gradient", "beta", "film_beta", "never updated")},
    {"id": "VP07", "side": "port", "args": hyper(port="07_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate across "
                  "steps into Adagrad",
     "expected": ("zero_grad", "accumulat", "accumulate")},
    {"id": "VP08", "side": "port", "args": hyper(port="08_noscale_port.py"),
     "mechanism": "generated weight matrix not scaled by 1/sqrt(6) (fan-in scale of the "
                  "hypernetwork output left out)",
     "expected": ("scale", "sqrt", "fan-in", "constant", "factor")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VP09", "side": "numpy", "args": film(numpy="09_relumask_numpy.py"),
     "mechanism": "ReLU backward masked with h > 0 (the un-modulated pre-activation) instead of "
                  "gamma * h + beta > 0",
     "expected": ("relu", "mask", "derivative", "pre-activation", "film")},
    {"id": "VP10", "side": "numpy", "args": film(numpy="10_dhnogamma_numpy.py"),
     "mechanism": "backward into h misses the FiLM scale: dh = dz instead of dz * gamma, so W1 "
                  "and b1 gradients are wrong",
     "expected": ("gamma", "scale", "chain rule", "w1", "b1")},
    {"id": "VP11", "side": "numpy", "args": film(numpy="11_nesterovold_numpy.py"),
     "mechanism": "Nesterov step taken with the previous velocity: p -= lr (g + mu v_old) before "
                  "v is updated",
     "expected": ("nesterov", "velocity", "momentum", "order", "stale", "previous")},
    {"id": "VP12", "side": "numpy", "args": film(numpy="12_cesum_numpy.py"),
     "mechanism": "softmax cross-entropy gradient not divided by the batch size (sum) while the "
                  "loss is the mean: every gradient 32 times too large",
     "expected": ("batch size", "mean", "sum", "32", "reduction")},
    {"id": "VP13", "side": "numpy", "args": hyper(numpy="13_adagradreset_numpy.py"),
     "mechanism": "Adagrad accumulator overwritten each step (s = g^2) instead of accumulated "
                  "(s += g^2)",
     "expected": ("adagrad", "accumulat", "sum of squares", "state", "reset")},
    {"id": "VP14", "side": "numpy", "args": hyper(numpy="14_dWtranspose_numpy.py"),
     "mechanism": "per-sample weight gradient transposed to (N, 8, 6) before flattening into the "
                  "hypernetwork's 48 outputs: H and hb gradients scrambled",
     "expected": ("transpose", "reshape", "layout", "order", "h")},
    {"id": "VP15", "side": "numpy", "args": hyper(numpy="15_tanhpre_numpy.py"),
     "mechanism": "tanh derivative written as 1 - pre**2 (the pre-activation) instead of 1 - h**2",
     "expected": ("tanh", "derivative", "pre-activation", "1 - h")},
    {"id": "VP16", "side": "numpy", "args": hyper(numpy="16_headgradpre_numpy.py"),
     "mechanism": "head weight gradient taken from the pre-activation (pre.T @ dout) instead of "
                  "the tanh output h",
     "expected": ("w2", "pre-activation", "activation", "tanh", "head")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VP17", "side": "correct", "args": film(numpy="film_alt_numpy.py", T=""),
     "mechanism": "correct: FiLM net with weights kept (out, in), einsum forward, one-hot "
                  "softmax gradient, Nesterov as p -= lr((1 + mu) v_new - mu v_old) in place",
     "expected": ()},
    {"id": "VP18", "side": "correct",
     "args": hyper(port="hyper_alt_torch.py", H="H", hb="hb", w2="w2", b2="b2"),
     "mechanism": "correct: port with its own nn.Parameters in the NumPy layouts, einsum, MSE "
                  "written by hand, zero_grad(set_to_none=True)",
     "expected": ()},
    {"id": "VP19", "side": "correct", "args": hyper(numpy="hyper_loop_numpy.py"),
     "mechanism": "correct: NumPy hypernetwork computed one sample at a time with outer "
                  "products, Adagrad accumulator updated in place with np.add(out=)",
     "expected": ()},
]
