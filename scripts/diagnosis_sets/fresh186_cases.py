"""One hundred and eighty-sixth fresh held-out set for the diagnosis: one planted bug per program in
fresh186/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is neural ODEs unrolled by
hand: a small MLP vector field f(h) integrated with a fixed number of explicit Euler or RK4 steps
inside the forward pass (the same weights at every step), a linear readout for regression or
classification, and the NumPy side back-propagating through every solver step by hand (the
discrete adjoint).

The base programs (data from fresh186/make_data.py, fixed seed, nothing random while training):

    euler_numpy.py:EulerODERegressor / euler_torch.py:EulerODERegressor, euler.npz X (32, 3),
        y (32,) float
        lift 3->6 (W kept (in, out) in a params dict); field tanh(h W1 + b1) W2 + b2 (6->16->6);
        4 explicit Euler steps of dt 0.25 (the port steps over torch.linspace(0, 1, 5));
        readout 6->1, squeezed to (N,); MSE (mean). Adam lr 0.01, betas (0.9, 0.999), eps 1e-8,
        bias-corrected as torch.optim.Adam.
    rk4_numpy.py:RK4ODEClassifier / rk4_torch.py:RK4ODEClassifier, rk4.npz X (48, 4),
        y (48,) in {0, 1, 2}
        the state is the input (dim 4); time-dependent field f(t, h) = tanh(h W1 + t wt + b1) W2 + b2
        (4->12->4, wt a (12,) time weight; NumPy parameters are attributes, W kept (in, out));
        3 classical RK4 steps over [0, 1] (stage times t, t+dt/2, t+dt/2, t+dt); readout 4->3;
        softmax cross-entropy (mean). SGD lr 0.1, momentum 0.9 (v = mu v + g; p -= lr v).
    binary_numpy.py:EulerODEBinary / binary_torch.py:EulerODEBinary, binary.npz X (40, 2)
        (two half-moons), y (40,) float in {0, 1}
        a list of 4 layer dicts, W kept (out, in): lift 2->8; field softplus(h W1^T + b1) W2^T + b2
        (8->16->8); 5 Euler steps of dt 0.2; readout 8->1; binary cross-entropy on the logits
        (mean). Gradients accumulated into buffers zeroed each step. RMSprop lr 0.003,
        alpha 0.99, eps 1e-8 outside the root, as torch.optim.RMSprop.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh186_cases

Each case:
    id          short name (prefixed VD)
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

F = "scripts/diagnosis_sets/fresh186/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def euler(numpy="euler_numpy.py", port="euler_torch.py", layout=".T"):
    return [F + numpy + ":EulerODERegressor", "--torch", F + port + ":EulerODERegressor",
            "--data", F + "euler.npz", "--as-written",
            "--param", f"params['Win']=lift.weight{layout}",
            "--param", "params['bin']=lift.bias",
            "--param", f"params['W1']=field.0.weight{layout}",
            "--param", "params['b1']=field.0.bias",
            "--param", f"params['W2']=field.2.weight{layout}",
            "--param", "params['b2']=field.2.bias",
            "--param", f"params['Wout']=readout.weight{layout}",
            "--param", "params['bout']=readout.bias", *RUN]


def rk4(numpy="rk4_numpy.py", port="rk4_torch.py"):
    return [F + numpy + ":RK4ODEClassifier", "--torch", F + port + ":RK4ODEClassifier",
            "--data", F + "rk4.npz", "--as-written",
            "--param", "W1=func.fc1.weight.T",
            "--param", "b1=func.fc1.bias",
            "--param", "wt=func.time_w",
            "--param", "W2=func.fc2.weight.T",
            "--param", "b2=func.fc2.bias",
            "--param", "Wr=head.weight.T",
            "--param", "br=head.bias", *RUN]


def binary(numpy="binary_numpy.py", port="binary_torch.py"):
    return [F + numpy + ":EulerODEBinary", "--torch", F + port + ":EulerODEBinary",
            "--data", F + "binary.npz", "--as-written",
            "--param", "layers[0]['W']=lift.weight",
            "--param", "layers[0]['b']=lift.bias",
            "--param", "layers[1]['W']=f_in.weight",
            "--param", "layers[1]['b']=f_in.bias",
            "--param", "layers[2]['W']=f_out.weight",
            "--param", "layers[2]['b']=f_out.bias",
            "--param", "layers[3]['W']=head.weight",
            "--param", "layers[3]['b']=head.bias", *RUN]


def rk4_alt():
    return [F + "rk4_numpy.py:RK4ODEClassifier", "--torch", F + "rk4_alt_torch.py:RK4ODEClassifier",
            "--data", F + "rk4.npz", "--as-written",
            "--param", "W1=W1", "--param", "b1=b1", "--param", "wt=wt",
            "--param", "W2=W2", "--param", "b2=b2", "--param", "Wr=Wr", "--param", "br=br", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VD01", "side": "port", "args": euler(port="01_timegrid_port.py"),
     "mechanism": "time grid torch.linspace(0, t_end, n_steps) instead of n_steps + 1 points: "
                  "3 Euler steps of dt 1/3 where the NumPy program takes 4 steps of dt 0.25",
     "expected": ("step size", "time grid", "linspace", "number of steps", "off-by-one", "1/3")},
    {"id": "VD02", "side": "port", "args": euler(port="02_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 0.999",
     "expected": ("beta2", "betas", "0.999", "second moment", "exp_avg_sq")},
    {"id": "VD03", "side": "port", "args": euler(port="03_broadcast_port.py"),
     "mechanism": "readout returned as (N, 1) without squeeze while y is (N,): F.mse_loss "
                  "broadcasts to an (N, N) difference matrix",
     "expected": ("broadcast", "shape", "squeeze", "(n, 1)", "(n, n)")},
    {"id": "VD04", "side": "port", "args": rk4(port="04_k4input_port.py"),
     "mechanism": "RK4 fourth stage evaluated at h + dt/2 k3 instead of h + dt k3",
     "expected": ("rk4", "stage", "k4", "dt/2", "runge-kutta")},
    {"id": "VD05", "side": "port", "args": rk4(port="05_steptime_port.py"),
     "mechanism": "step start time t = (k + 1) dt instead of k dt: the time-dependent field is "
                  "evaluated one step late in every stage",
     "expected": ("time", "off-by-one", "t_k", "shifted", "time weight")},
    {"id": "VD06", "side": "port", "args": rk4(port="06_smoothing_port.py"),
     "mechanism": "F.cross_entropy(..., label_smoothing=0.1) where the NumPy loss is plain "
                  "cross-entropy on one-hot targets",
     "expected": ("label smoothing", "label_smoothing", "smoothing", "smoothed")},
    {"id": "VD07", "side": "port", "args": binary(port="07_alpha_port.py"),
     "mechanism": "torch.optim.RMSprop(alpha=0.9) (the Keras rho) where the NumPy RMSprop "
                  "averages the squared gradient with alpha 0.99",
     "expected": ("alpha", "rho", "square_avg", "squared gradient", "rmsprop")},
    {"id": "VD08", "side": "port", "args": binary(port="08_detach_port.py"),
     "mechanism": "the field evaluated on h.detach() inside the Euler loop: the gradient through "
                  "the field's Jacobian to earlier states (and the lift) is cut, only the identity "
                  "path remains",
     "expected": ("detach", "jacobian", "cut", "truncated", "no gradient")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VD09", "side": "numpy", "args": euler(numpy="09_tanhgrad_numpy.py"),
     "mechanism": "tanh derivative in the adjoint computed from the pre-activation "
                  "(1 - z**2) instead of the activation (1 - tanh(z)**2)",
     "expected": ("tanh", "derivative", "pre-activation", "1 - z", "1 - a")},
    {"id": "VD10", "side": "numpy", "args": euler(numpy="10_adjointindex_numpy.py"),
     "mechanism": "the backward through Euler step k uses the cached state h_{k+1} instead of h_k "
                  "(for the field's Jacobian and the W1 gradient): an off-by-one in the time index",
     "expected": ("off-by-one", "index", "h_{k+1}", "cached state", "time step")},
    {"id": "VD11", "side": "numpy", "args": euler(numpy="11_adamcount_numpy.py"),
     "mechanism": "Adam step counter incremented inside the per-parameter loop: each parameter's "
                  "bias correction uses a wrong, larger t",
     "expected": ("bias correction", "step count", "step counter", "per-parameter", "bias-correct")},
    {"id": "VD12", "side": "numpy", "args": rk4(numpy="12_stagescale_numpy.py"),
     "mechanism": "RK4 adjoint: the gradient from stage 2's input u2 = h + dt/2 k1 back to k1 "
                  "scaled by dt instead of dt/2",
     "expected": ("rk4", "stage", "dt/2", "k1", "factor 2")},
    {"id": "VD13", "side": "numpy", "args": rk4(numpy="13_timegrad_numpy.py"),
     "mechanism": "time-weight gradient summed without the stage time t (dwt += sum dz, treated "
                  "like a bias) instead of t * sum dz",
     "expected": ("time weight", "wt", "stage time", "missing factor", "time factor")},
    {"id": "VD14", "side": "numpy", "args": rk4(numpy="14_cemean_numpy.py"),
     "mechanism": "softmax cross-entropy gradient not divided by the batch size N while the "
                  "loss is the mean: every gradient 48 times too large",
     "expected": ("mean", "batch size", "reduction", "1/n", "48")},
    {"id": "VD15", "side": "numpy", "args": binary(numpy="15_epsroot_numpy.py"),
     "mechanism": "RMSprop eps added inside the square root (sqrt(sq + eps)) instead of outside "
                  "(sqrt(sq) + eps)",
     "expected": ("eps", "epsilon", "square root", "sqrt", "inside")},
    {"id": "VD16", "side": "numpy", "args": binary(numpy="16_noreset_numpy.py"),
     "mechanism": "gradient buffers accumulated with += and never zeroed between training steps: "
                  "each step's gradient is the sum of all steps so far",
     "expected": ("zero", "reset", "accumulat", "zero_grad", "previous step")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VD17", "side": "correct", "args": euler(numpy="euler_alt_numpy.py", layout=""),
     "mechanism": "correct: NumPy Euler regressor with (out, in) weights, einsum products, cached "
                  "activations, Adam written torch's way with in-place moments",
     "expected": ()},
    {"id": "VD18", "side": "correct", "args": rk4_alt(),
     "mechanism": "correct: port with raw nn.Parameters in the NumPy layout and a generic "
                  "explicit Runge-Kutta step driven by the RK4 Butcher tableau; sum loss / N",
     "expected": ()},
    {"id": "VD19", "side": "correct", "args": binary(numpy="binary_alt_numpy.py"),
     "mechanism": "correct: NumPy binary ODE classifier with logaddexp softplus, tanh-form "
                  "sigmoid and an adjoint through explicit per-sample Jacobians (einsum); "
                  "RMSprop buffers updated in place",
     "expected": ()},
]
