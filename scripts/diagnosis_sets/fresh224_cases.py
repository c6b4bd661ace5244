"""Two hundred and twenty-fourth fresh held-out set for the diagnosis: one planted bug per program
in fresh224/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is neural-ODE style models
integrated with a fixed-step solver written by hand: the hidden state is advanced by explicit
Euler or classical RK4 steps of a small tanh MLP vector field for K steps, then a linear
readout; the NumPy side back-propagates by hand through every solver stage (discretise, then
optimise), the PyTorch port uses autograd through the same loop.

The base programs (data from fresh224/make_data.py, fixed seed, nothing random while training):

    rk4_numpy.py:ODERegressor / rk4_torch.py:ODERegressor, rk4.npz X (48, 4), y (48,) float
        encoder h0 = X Win + bin (4 -> 8); vector field f(h) = tanh(h W1 + b1) W2 + b2
        (8 -> 16 -> 8, autonomous); K = 4 classical RK4 steps of dt = 1/4
        (k1 = f(h), k2 = f(h + dt/2 k1), k3 = f(h + dt/2 k2), k4 = f(h + dt k3),
        h += dt/6 (k1 + 2 k2 + 2 k3 + k4)); readout 8 -> 1 squeezed to (N,); MSE (mean).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8 outside the square root, bias-corrected.
        NumPy weights in params (dict), kept (in, out); the port: nn.Linear enc, an
        nn.Sequential field (Linear, Tanh, Linear), nn.Linear readout.
    euler_numpy.py:EulerODEClassifier / euler_torch.py:EulerODEClassifier, euler.npz X (40, 2),
        y (40,) in {0, 1, 2}
        lift h0 = X A + a (2 -> 6); time-dependent field f(h, t) = tanh([h, t] W1 + b1) W2 + b2
        (the time t_k = k dt appended as the last input column, 7 -> 16 -> 6); K = 5 explicit
        Euler steps of dt = 1/5 (h += dt f(h, t_k), k = 0..4); readout 6 -> 3; softmax
        cross-entropy (mean over rows). SGD lr 0.1, momentum 0.9 as torch.optim.SGD
        (v = mu v + g; p -= lr v). NumPy weights are attributes kept (in, out); the port:
        nn.Linear lift / head and an ODEFunc module with fc1 on cat([h, t]) and fc2.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh224_cases

Each case:
    id          short name (prefixed WP)
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

F = "scripts/diagnosis_sets/fresh224/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def rk4(numpy="rk4_numpy.py", port="rk4_torch.py"):
    return [F + numpy + ":ODERegressor", "--torch", F + port + ":ODERegressor",
            "--data", F + "rk4.npz", "--as-written",
            "--param", "params['Win']=enc.weight.T",
            "--param", "params['bin']=enc.bias",
            "--param", "params['W1']=field.0.weight.T",
            "--param", "params['b1']=field.0.bias",
            "--param", "params['W2']=field.2.weight.T",
            "--param", "params['b2']=field.2.bias",
            "--param", "params['Wout']=readout.weight.T",
            "--param", "params['bout']=readout.bias", *RUN]


def rk4_tableau():
    return [F + "rk4_tableau_numpy.py:TableauODERegressor", "--torch", F + "rk4_torch.py:ODERegressor",
            "--data", F + "rk4.npz", "--as-written",
            "--param", "Win=enc.weight",
            "--param", "bin=enc.bias",
            "--param", "W1=field.0.weight",
            "--param", "b1=field.0.bias",
            "--param", "W2=field.2.weight",
            "--param", "b2=field.2.bias",
            "--param", "Wout=readout.weight",
            "--param", "bout=readout.bias", *RUN]


def euler(numpy="euler_numpy.py", port="euler_torch.py"):
    return [F + numpy + ":EulerODEClassifier", "--torch", F + port + ":EulerODEClassifier",
            "--data", F + "euler.npz", "--as-written",
            "--param", "A=lift.weight.T",
            "--param", "a=lift.bias",
            "--param", "W1=func.fc1.weight.T",
            "--param", "b1=func.fc1.bias",
            "--param", "W2=func.fc2.weight.T",
            "--param", "b2=func.fc2.bias",
            "--param", "C=head.weight.T",
            "--param", "c=head.bias", *RUN]


def euler_params_port():
    return [F + "euler_numpy.py:EulerODEClassifier", "--torch", F + "euler_params_torch.py:ParamEulerODE",
            "--data", F + "euler.npz", "--as-written",
            "--param", "A=W_lift",
            "--param", "a=b_lift",
            "--param", "W1=W1",
            "--param", "b1=b1",
            "--param", "W2=W2",
            "--param", "b2=b2",
            "--param", "C=W_out",
            "--param", "c=b_out", *RUN]


def euler_columns():
    return [F + "euler_columns_numpy.py:ColumnEulerODE", "--torch", F + "euler_torch.py:EulerODEClassifier",
            "--data", F + "euler.npz", "--as-written",
            "--param", "p['A']=lift.weight",
            "--param", "p['a']=lift.bias.reshape(6,1)",
            "--param", "p['W1']=func.fc1.weight",
            "--param", "p['b1']=func.fc1.bias.reshape(16,1)",
            "--param", "p['W2']=func.fc2.weight",
            "--param", "p['b2']=func.fc2.bias.reshape(6,1)",
            "--param", "p['C']=head.weight",
            "--param", "p['c']=head.bias.reshape(3,1)", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "WP01", "side": "port", "args": rk4(port="01_k3halfstep_port.py"),
     "mechanism": "RK4 third stage evaluated at h + dt k2 instead of h + dt/2 k2 (the half step "
                  "of the stage left out); the other stages and the 1/6 2/6 2/6 1/6 weights are right",
     "expected": ("stage", "k3", "half step", "dt/2", "rk4", "runge")},
    {"id": "WP02", "side": "port", "args": rk4(port="02_msebroadcast_port.py"),
     "mechanism": "forward returns the readout as (N, 1) (the squeeze left out) while y is (N,): "
                  "F.mse_loss broadcasts to an (N, N) matrix of pairwise differences",
     "expected": ("broadcast", "shape", "squeeze", "(n, n)", "target")},
    {"id": "WP03", "side": "port", "args": rk4(port="03_adambeta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment (exp_avg_sq) and its bias correction differ",
     "expected": ("beta2", "betas", "second moment", "exp_avg_sq", "0.99")},
    {"id": "WP04", "side": "port", "args": rk4(port="04_fieldtanh_port.py"),
     "mechanism": "an extra nn.Tanh() after the vector field's output layer: "
                  "f(h) = tanh(tanh(h W1 + b1) W2 + b2) instead of a linear output",
     "expected": ("tanh", "activation", "output layer", "extra", "field")},
    {"id": "WP05", "side": "port", "args": euler(port="05_detachfield_port.py"),
     "mechanism": "the field is evaluated on h.detach() in every Euler step: the gradient through "
                  "f's input (dt f'(h) back to earlier states, the lift) is cut, only the identity path remains",
     "expected": ("detach", "no gradient", "graph", "stop", "cut")},
    {"id": "WP06", "side": "port", "args": euler(port="06_catorder_port.py"),
     "mechanism": "time concatenated in front of the state, cat([t, h]), where NumPy appends it "
                  "as the last input column: fc1's columns are shifted against W1's rows",
     "expected": ("concat", "order", "column", "time", "cat")},
    {"id": "WP07", "side": "port", "args": euler(port="07_nllraw_port.py"),
     "mechanism": "F.nll_loss on the raw logits (log_softmax missing) instead of F.cross_entropy: "
                  "the loss is minus the mean target logit",
     "expected": ("log_softmax", "log-softmax", "nll", "softmax", "cross-entropy", "cross_entropy")},
    {"id": "WP08", "side": "port", "args": euler(port="08_linspace_port.py"),
     "mechanism": "time grid torch.linspace(0, 1, steps) (5 points, 4 Euler steps of dt = 1/4) "
                  "instead of steps + 1 points (5 steps of 1/5): off by one in the solver grid",
     "expected": ("linspace", "grid", "off-by-one", "off by one", "steps", "dt")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "WP09", "side": "numpy", "args": rk4(numpy="09_tanhderiv_numpy.py"),
     "mechanism": "tanh derivative taken of the activation again: 1 - tanh(a)^2 with a = tanh(z), "
                  "in the field's backward at every stage",
     "expected": ("tanh", "derivative", "activation", "activated")},
    {"id": "WP10", "side": "numpy", "args": rk4(numpy="10_k1halfstep_numpy.py"),
     "mechanism": "backward through RK4 stage 2 (input h + dt/2 k1) hands dt du2 to k1 instead of "
                  "dt/2 du2: the half-step factor left out of one stage's adjoint",
     "expected": ("stage", "k1", "half", "dt/2", "rk4", "factor")},
    {"id": "WP11", "side": "numpy", "args": rk4(numpy="11_adameps_numpy.py"),
     "mechanism": "Adam eps inside the square root: m_hat / sqrt(v_hat + eps) instead of "
                  "m_hat / (sqrt(v_hat) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "square root")},
    {"id": "WP12", "side": "numpy", "args": rk4(numpy="12_cacheindex_numpy.py"),
     "mechanism": "backward reads the stage cache of step k - 1 for solver step k (caches[-1], the "
                  "last step's, at k = 0): off by one in time in the backward pass",
     "expected": ("off-by-one", "off by one", "index", "cache", "step", "time")},
    {"id": "WP13", "side": "numpy", "args": euler(numpy="13_cesum_numpy.py"),
     "mechanism": "cross-entropy gradient not divided by the batch size (a sum) while the loss "
                  "is the mean: every gradient 40 times too large",
     "expected": ("sum", "mean", "batch size", "reduction", "40")},
    {"id": "WP14", "side": "numpy", "args": euler(numpy="14_timerowgrad_numpy.py"),
     "mechanism": "W1 gradient accumulated only into the state rows (W1[:d]); the row that "
                  "multiplies the time input gets no gradient",
     "expected": ("time", "row", "missing", "w1", "zero")},
    {"id": "WP15", "side": "numpy", "args": euler(numpy="15_dampening_numpy.py"),
     "mechanism": "momentum written as an EMA, v = mu v + (1 - mu) g, where torch.optim.SGD "
                  "uses v = mu v + g (a dampening of 0.9)",
     "expected": ("dampening", "ema", "momentum", "1 - mu", "velocity")},
    {"id": "WP16", "side": "numpy", "args": euler(numpy="16_w1slice_numpy.py"),
     "mechanism": "the state rows of W1 sliced as W1[1:] instead of W1[:d] when back-propagating "
                  "to h: the time row used and the first state row dropped in dh",
     "expected": ("slice", "index", "row", "off-by-one", "off by one", "time")},
    # ---------------------------------------------------------------- correct variants
    {"id": "WP17", "side": "correct", "args": rk4_tableau(),
     "mechanism": "correct: RK4 as a generic Butcher-tableau loop forward and backward, weights "
                  "kept (out, in) as attributes, einsum products, Adam updated in place",
     "expected": ()},
    {"id": "WP18", "side": "correct", "args": euler_params_port(),
     "mechanism": "correct: port with raw nn.Parameters in the NumPy layout (in, out), the time "
                  "grid from linspace(0, 1, steps + 1), loss as log_softmax + gather",
     "expected": ()},
    {"id": "WP19", "side": "correct", "args": euler_columns(),
     "mechanism": "correct: NumPy Euler classifier with samples as columns, weights (out, in), "
                  "column biases, the time as an extra last row, momentum updated in place",
     "expected": ()},
]
