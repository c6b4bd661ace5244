"""Sixty-first fresh held-out set for the diagnosis: one planted bug per program in fresh61/
(eight PyTorch ports, each checked against a NumPy program of the user's own, and eight NumPy
programs, each checked against a correct port of the user's own) and three correct pairs. The
theme is neural networks for physics and scientific computing: a physics-informed network for
u'' + u = f(x) whose derivatives with respect to the (scaled) input are written out by hand in
NumPy and taken with torch.autograd.grad(create_graph=True) in the port, with a weighted boundary
term; an energy-based force field whose force is -dV/dq of a learned potential (force matching);
a neural ODE integrated by one Heun (RK2) step; and an Euler-like state stepper with a penalty on
the drift of the pendulum's energy. fresh61/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh61_cases

Each case:
    id          short name (prefixed QI)
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
of the development set (cases.py) and the earlier fresh sets. Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference) to pass (exit 0) under the same
arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh61/"

PINN, FORCES, PENDULUM, ORBIT = F + "pinn.npz", F + "forces.npz", F + "pendulum.npz", F + "orbit.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


PINN_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T",
                     "params['b2']=out.bias")
POTENTIAL_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T")
HEUN_PARAMS = params("params['W1']=field.0.weight.T", "params['b1']=field.0.bias", "params['W2']=field.2.weight.T",
                     "params['b2']=field.2.bias")
ORBIT_PARAMS = params("params['W1']=g.0.weight.T", "params['b1']=g.0.bias", "params['W2']=g.2.weight.T",
                      "params['b2']=g.2.bias")


def pinn(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "PoissonPINN", torch_file, "PoissonPINN", "--data", PINN, *PINN_PARAMS)


def potential(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "PotentialNet", torch_file, "PotentialNet", "--data", FORCES, *POTENTIAL_PARAMS)


def heun(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "HeunODE", torch_file, "HeunODE", "--data", PENDULUM, *HEUN_PARAMS)


def orbit(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "OrbitStepper", torch_file, "OrbitStepper", "--data", ORBIT, *ORBIT_PARAMS)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QI01_pinn_scaled_input_grad", side="port",
         args=pinn("correct_01_pinn_numpy.py", "01_pinn_scaled_input_grad_torch.py"),
         mechanism="pair: the port differentiates u with respect to the scaled input xs = x / L (S = 1/3) instead of "
                   "the physical x, d_dx(d_dx(u, xs), xs): the chain factor dxs/dx = S is lost twice, so u_xx in the "
                   "residual u_xx + u - f is L^2 = 9 times too large; the boundary term is right",
         expected=("chain rule", "chain factor", "input scaling", "scaled input", "x / l", "1 / l", "1/l^2",
                   "l^2", "l**2", "s ** 2", "s^2", "factor 9", "9 times", "dxs/dx", "with respect to xs",
                   "with respect to the scaled", "second derivative", "u_xx", "normalised input", "normalized input")),
    dict(id="QI02_pinn_mean_grad", side="port",
         args=pinn("correct_01_pinn_numpy.py", "02_pinn_mean_grad_torch.py"),
         mechanism="pair: the port's derivative helper calls torch.autograd.grad(f.mean(), x) instead of grad(f, x, "
                   "grad_outputs=ones_like(f)) (f.sum()): each row's derivative is divided by the number of "
                   "collocation points n = 24, twice for the second derivative, so u_xx is n^2 = 576 times too "
                   "small in the residual",
         expected=("mean()", ".mean", "f.mean", "grad_outputs", "ones_like", "sum()", "divided by n",
                   "number of collocation points", "1/n", "n^2", "n**2", "576", "autograd.grad", "scalar",
                   "second derivative", "u_xx", "too small", "per-point derivative")),
    dict(id="QI03_pinn_boundary_weight", side="port",
         args=pinn("correct_01_pinn_numpy.py", "03_pinn_boundary_weight_torch.py"),
         mechanism="pair: the port multiplies the PDE residual term by the boundary weight, LAM * mean(r^2) + "
                   "mean(e^2), instead of mean(r^2) + LAM * mean(e^2) (LAM = 5): the residual's gradients are 5 "
                   "times too large and the boundary term's 5 times too small",
         expected=("lam", "lambda", "boundary weight", "weight", "boundary term", "boundary loss", "residual term",
                   "wrong term", "swapped", "5 times", "factor 5", "factor of 5", "weighted", "pde loss",
                   "physics loss", "collocation")),
    dict(id="QI04_pinn_residual_sign", side="port",
         args=pinn("correct_01_pinn_numpy.py", "04_pinn_residual_sign_torch.py"),
         mechanism="pair: the port's residual is u_xx - u - f (the modified Helmholtz / decay equation u'' - u) "
                   "instead of u_xx + u - f: the sign of the u term in the ODE residual is flipped, so the loss and "
                   "every gradient of the residual term differ (the boundary term is right)",
         expected=("sign", "u_xx - u", "u_xx + u", "u'' - u", "u'' + u", "residual", "minus", "plus", "flipped",
                   "helmholtz", "equation", "ode", "pde", "wrong sign", "-u")),
    dict(id="QI05_potential_force_sign", side="port",
         args=potential("correct_02_potential_numpy.py", "05_potential_force_sign_torch.py"),
         mechanism="pair: the port's force is +dV/dq, torch.autograd.grad(V.sum(), q) without the minus, instead "
                   "of F = -dV/dq: the predicted force has the opposite sign, so the force error F + y replaces "
                   "F - y (the network fits the negated potential)",
         expected=("sign", "minus", "-dv/dq", "-grad", "negative gradient", "gradient of the potential",
                   "force", "potential", "opposite", "flipped", "autograd.grad", "+dv/dq", "negated",
                   "wrong sign", "-dv/dx")),
    dict(id="QI06_heun_half_predictor", side="port",
         args=heun("correct_03_heun_numpy.py", "06_heun_half_predictor_torch.py"),
         mechanism="pair: the port's Heun step evaluates the second slope at the midpoint predictor z + H/2 k1 "
                   "(the midpoint method's) instead of the Euler predictor z + H k1 while keeping Heun's average "
                   "z + H/2 (k1 + k2): k2 is taken half a step too early, so the predicted state and every gradient "
                   "differ",
         expected=("h/2", "h / 2", "half step", "half a step", "midpoint", "predictor", "heun", "rk2",
                   "runge-kutta", "euler predictor", "k2", "k1", "step size", "trapezoid", "z + h * k1")),
    dict(id="QI07_heun_detached_slope", side="port",
         args=heun("correct_03_heun_numpy.py", "07_heun_detached_slope_torch.py"),
         mechanism="pair: the port detaches the first slope in the predictor, field(z + H * k1.detach()): the "
                   "gradient of k2 reaching the parameters through k1 (the chain dk2/dz2 H dk1/dtheta) is dropped, "
                   "so every gradient lacks that path; the forward pass and the loss are right",
         expected=("detach", "detached", "stop gradient", "stop-gradient", "no gradient through", "k1",
                   "predictor", "path dropped", "missing path", "chain", "through the predictor", "heun",
                   "second evaluation", "graph cut", "not backpropagated")),
    dict(id="QI08_orbit_swapped_state", side="port",
         args=orbit("orbit_stepper_numpy.py", "08_orbit_swapped_state_torch.py"),
         mechanism="pair: the port's energy unpacks the state as q, p = z[:, 1], z[:, 0] (momentum first) instead "
                   "of z[:, 0], z[:, 1]: E = p^2/2 + 1 - cos q is evaluated with position and momentum swapped, so "
                   "the energy-drift penalty and its gradient differ (the state error is right)",
         expected=("swapped", "swap", "order", "column", "z[:, 0]", "z[:, 1]", "position and momentum",
                   "momentum", "(q, p)", "(p, q)", "energy", "drift", "penalty", "conserv", "hamiltonian",
                   "cos q", "state")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QI09_pinn_tanh_third", side="numpy",
         args=pinn("09_pinn_tanh_third_numpy.py", "correct_01_pinn_torch.py"),
         mechanism="pair: the third derivative of tanh is written -2 t' t' (the derivative of -2 t t' with the "
                   "product rule's second term 4 t^2 t' dropped) instead of -2 t' (1 - 3 t^2): the gradient of "
                   "u_xx with respect to the hidden pre-activation is wrong, so W1's and b1's gradients differ "
                   "(W2, b2 and the loss are right)",
         expected=("third derivative", "tanh'''", "product rule", "1 - 3 t^2", "1 - 3t^2", "6 t^2", "4 t^2",
                   "-2 t'", "derivative of tanh''", "second derivative", "tanh", "chain", "w1", "b1",
                   "u_xx", "dropped term")),
    dict(id="QI10_pinn_boundary_mean", side="numpy",
         args=pinn("10_pinn_boundary_mean_numpy.py", "correct_01_pinn_torch.py"),
         mechanism="pair: the boundary term's gradient divides by n = 24, the number of collocation points, "
                   "instead of by the 2 boundary points its mean runs over: 2 LAM e / n instead of 2 LAM e / 2, "
                   "so the boundary contribution to every gradient is 12 times too small (the loss is right)",
         expected=("boundary", "mean over", "collocation points", "boundary points", "divided by n", "len(x)",
                   "len(xb)", "number of boundary points", "12 times", "factor 12", "2 / 24", "1/12",
                   "normalis", "normaliz", "batch size", "too small")),
    dict(id="QI11_pinn_unscaled_input", side="numpy",
         args=pinn("11_pinn_unscaled_input_numpy.py", "correct_01_pinn_torch.py"),
         mechanism="pair: W1's gradient through the pre-activation a = (x / L) W1 + b1 uses the raw input X.T "
                   "instead of the scaled xs.T = (X / L).T: the chain factor da/dW1 = x / L loses its 1/L (L = 3), "
                   "so the collocation part of W1's gradient is 3 times too large (b1, W2, b2 right)",
         expected=("input scaling", "scaled input", "x / l", "xs", "1 / l", "1/l", "factor 3", "3 times",
                   "chain factor", "chain rule", "raw input", "unscaled", "da/dw1", "w1", "normalised input",
                   "normalized input")),
    dict(id="QI12_potential_tanh_chain", side="numpy",
         args=potential("12_potential_tanh_chain_numpy.py", "correct_02_potential_torch.py"),
         mechanism="pair: the derivative of the force's factor 1 - t^2 with respect to the pre-activation is "
                   "written -2 t (its derivative with respect to t) instead of -2 t (1 - t^2): the chain factor "
                   "dt/da = 1 - t^2 is missing, so the path through the potential's curvature (tanh'') into W1 "
                   "and b1 is wrong (W2 right)",
         expected=("chain factor", "chain rule", "1 - t^2", "1 - t**2", "dt/da", "-2 t", "-2t", "tanh''",
                   "second derivative", "curvature", "with respect to t", "pre-activation", "w1", "b1",
                   "missing factor", "tanh derivative")),
    dict(id="QI13_potential_direct_sign", side="numpy",
         args=potential("13_potential_direct_sign_numpy.py", "correct_02_potential_torch.py"),
         mechanism="pair: W1 enters the force F = -((1 - t^2) v) W1^T twice; the direct (outer) term of its "
                   "gradient is written G^T M instead of -(G^T M), the minus of F = -dV/dq lost there only: W1's "
                   "gradient is the indirect term minus the direct one instead of their sum (b1 and W2 right)",
         expected=("sign", "minus", "direct term", "outer", "w1", "twice", "two paths", "both paths",
                   "-dv/dq", "force", "g^t m", "-(g.t @ m)", "negative", "wrong sign", "shared weight")),
    dict(id="QI14_heun_stage_weight", side="numpy",
         args=heun("14_heun_stage_weight_numpy.py", "correct_03_heun_torch.py"),
         mechanism="pair: the backward pass gives k2 the gradient H dpred instead of H/2 dpred, its weight in "
                   "Heun's average z + H/2 (k1 + k2): everything reached through the second evaluation (k2, and "
                   "k1 through the predictor) is doubled, the direct k1 term right (the forward is right)",
         expected=("h/2", "h / 2", "half", "factor 2", "twice", "doubled", "heun", "average", "k2", "stage",
                   "weight", "rk2", "runge-kutta", "trapezoid", "dk2")),
    dict(id="QI15_orbit_cos_sign", side="numpy",
         args=orbit("15_orbit_cos_sign_numpy.py", "orbit_stepper_torch.py"),
         mechanism="pair: the derivative of the pendulum's potential energy 1 - cos q is written -sin q instead "
                   "of sin q (d/dq cos q = -sin q, its minus kept): dE/dq has the wrong sign in the energy-drift "
                   "penalty's gradient, the loss and the state-error gradient right",
         expected=("sin", "-sin", "sign", "cos", "1 - cos q", "de/dq", "derivative of the energy",
                   "potential energy", "energy", "drift", "penalty", "conserv", "pendulum", "minus", "wrong sign")),
    dict(id="QI16_orbit_mean_drift", side="numpy",
         args=orbit("16_orbit_mean_drift_numpy.py", "orbit_stepper_torch.py"),
         mechanism="pair: the energy-drift penalty's gradient uses the batch-mean drift, 2 MU mean(drift) / n, "
                   "for every row instead of each row's own drift 2 MU drift_i / n: the penalty mean(drift^2) is "
                   "differentiated as if it were mean(drift)^2 (the loss is right)",
         expected=("mean(drift)", "drift.mean", "batch mean", "mean of the drift", "each row", "per-row",
                   "per row", "own drift", "mean(drift^2)", "mean(drift)^2", "square of the mean", "drift",
                   "energy", "penalty", "conserv", "broadcast")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QIC1_pinn", side="correct",
         args=pinn("correct_01_pinn_numpy.py", "correct_01_pinn_torch.py"),
         mechanism="pair: physics-informed u'' + u = f with the input scaled by 1/L; NumPy writes u_xx and its "
                   "parameter gradients (tanh'' and tanh''' included) by hand, the port nests "
                   "torch.autograd.grad(create_graph=True) twice; boundary term weighted by LAM, SGD", expected=()),
    dict(id="QIC2_potential", side="correct",
         args=potential("correct_02_potential_numpy.py", "correct_02_potential_torch.py"),
         mechanism="pair: force matching with F = -dV/dq of a learned potential; NumPy differentiates the force "
                   "by hand through both appearances of W1, the port takes the force by autograd.grad with "
                   "create_graph and backpropagates through it (double backward); no output bias", expected=()),
    dict(id="QIC3_heun", side="correct",
         args=heun("correct_03_heun_numpy.py", "correct_03_heun_torch.py"),
         mechanism="pair: a neural ODE's Heun (RK2) step with one shared vector field evaluated twice; NumPy "
                   "accumulates both evaluations' gradients by hand through the predictor, the port an "
                   "nn.Sequential called twice in forward", expected=()),
]
